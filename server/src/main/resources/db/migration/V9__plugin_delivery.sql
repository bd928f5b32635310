-- Plugin events are delivered from the database, not from memory: when an event is published, one delivery row per
-- subscribed plugin is written in the same transaction, so a crash after the commit cannot lose it. A delivery is
-- deleted in the same transaction as the listener's own writes; a failed one is retried with back-off and, after the
-- last try, kept as FAILED for admins to see and replay. Deliveries to a disabled plugin wait until it is enabled.
-- No foreign key to domain_event: a delivery whose event was purged (popcorn.events.retention-days) is dropped when due.
create table plugin_delivery (
    id              bigint primary key,
    plugin_id       varchar(64)  not null,
    event_id        bigint       not null,
    status          varchar(10)  not null,
    attempts        integer      default 0 not null,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_error      varchar(2000),
    last_failed_at  timestamp with time zone,
    constraint plugin_delivery_uq unique (plugin_id, event_id),
    constraint plugin_delivery_status_ck check (status in ('PENDING', 'FAILED'))
);
create sequence plugin_delivery_seq start with 50 increment by 50;
create index plugin_delivery_due_ix on plugin_delivery (status, next_attempt_at);
