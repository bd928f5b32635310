create table fixsql_thing (id bigint primary key, oops not_a_type);
