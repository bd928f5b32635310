-- Several servers on one database (docs/operations.md, "Several servers").
-- A lease names the one server that runs a cluster-wide periodic job (the plugins' schedule) until it expires; the
-- holder renews it on every run, and another server takes it over when the holder is gone.
create table cluster_lease (
    name       varchar(64)  primary key,
    holder     varchar(100) not null,
    expires_at timestamp with time zone not null
);
insert into cluster_lease (name, holder, expires_at) values ('plugins.schedule', '-', timestamp with time zone '1970-01-01 00:00:00+00');
-- A signal counts requests every server must follow (a plugin rescan asked on one of them).
create table cluster_signal (
    name       varchar(64) primary key,
    generation bigint      not null
);
insert into cluster_signal (name, generation) values ('plugins.rescan', 0);
