-- Plugin host: admins' enable/disable choice per plugin, plugin settings, and failed event deliveries.

create table plugin_state (
    plugin_id  varchar(64) primary key,
    enabled    boolean     not null,
    changed_by bigint references member (id),
    changed_at timestamp with time zone not null
);

create table plugin_setting (
    plugin_id    varchar(64)   not null,
    setting_key  varchar(100)  not null,
    setting_value varchar(2000) not null,
    changed_at   timestamp with time zone not null,
    primary key (plugin_id, setting_key)
);

create table plugin_event_failure (
    id         bigint primary key,
    plugin_id  varchar(64)   not null,
    event_id   bigint        not null,
    event_type varchar(100)  not null,
    error      varchar(2000) not null,
    failed_at  timestamp with time zone not null
);
create sequence plugin_event_failure_seq start with 50 increment by 50;
create index plugin_event_failure_plugin_ix on plugin_event_failure (plugin_id, id);
