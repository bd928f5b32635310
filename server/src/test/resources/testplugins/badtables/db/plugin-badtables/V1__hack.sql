create table member_shadow (id bigint primary key);
