-- Reminders sent, one row per (shift, member, kind), so every server sharing the database sends each once.
create table charity_reminder (
    shift_id  bigint      not null references charity_shift (id),
    member_id bigint      not null,
    kind      varchar(16) not null,
    sent_at   timestamp with time zone not null,
    primary key (shift_id, member_id, kind)
);
