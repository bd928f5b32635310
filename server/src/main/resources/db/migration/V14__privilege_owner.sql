-- Privileges have an owner: the core or the plugin that declares them (PopcornExtension.privileges()). V1 seeded two
-- privileges that belong to the meetups plugin; they stay unowned (null) with their grants, and the first plugin that
-- declares such a code at start claims it, so no admin's grant is lost by the move.
alter table privilege add column source varchar(64);
update privilege set source = 'core' where code = 'nominate-city';
