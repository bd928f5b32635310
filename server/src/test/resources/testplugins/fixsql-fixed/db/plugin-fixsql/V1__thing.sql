-- the same migration, fixed: what an author ships after a failed one
create table fixsql_thing (id bigint primary key, note varchar(100));
