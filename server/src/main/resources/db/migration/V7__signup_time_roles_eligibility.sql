-- SDK 0.2 sign-ups: a pool may be timed (and exclusive: a member's held places in exclusive pools never overlap,
-- across plugins), carry a title and the zone its times are read in, require a level, a privilege or a plugin's
-- qualification, and be closed to new joins. Overlaps are checked under a lock on the member's row, so a member's
-- concurrent joins are serialised in the database, whichever server takes them.
alter table signup_pool add column starts_at timestamp with time zone;
alter table signup_pool add column ends_at timestamp with time zone;
alter table signup_pool add column zone varchar(64);
alter table signup_pool add column exclusive_time boolean default false not null;
alter table signup_pool add column title varchar(200);
alter table signup_pool add column min_level integer;
alter table signup_pool add column privilege_code varchar(100);
alter table signup_pool add column qualification varchar(100);
alter table signup_pool add column closed boolean default false not null;
alter table signup_pool add constraint signup_pool_time_ck
    check ((starts_at is null and ends_at is null) or (starts_at is not null and ends_at > starts_at));
alter table signup_pool add constraint signup_pool_exclusive_ck check (exclusive_time = false or starts_at is not null);
create index signup_place_member_ix on signup_place (member_id, status);
create index signup_pool_time_ix on signup_pool (exclusive_time, starts_at, ends_at);

-- Qualifications plugins grant to members (org.popcorn.api.Qualifications); codes are scoped to the plugin.
create table member_qualification (
    plugin_id  varchar(64)  not null,
    code       varchar(100) not null,
    member_id  bigint       not null references member (id),
    granted_by bigint,
    granted_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    primary key (plugin_id, code, member_id)
);
create index member_qualification_member_ix on member_qualification (member_id);
