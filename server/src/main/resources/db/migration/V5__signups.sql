-- Capacity-limited sign-ups with waiting lists, offered to plugins through the SDK (org.popcorn.api.Signups).
-- Every change happens under the pool row's lock, so taken <= capacity holds under any concurrency.

create table signup_pool (
    pool_key   varchar(200) primary key,
    capacity   integer not null,
    taken      integer not null default 0,
    next_seq   bigint  not null default 1,
    created_at timestamp with time zone not null,
    constraint signup_pool_capacity_ck check (capacity >= 0),
    constraint signup_pool_taken_ck check (taken >= 0)
);

create table signup_place (
    pool_key   varchar(200) not null references signup_pool (pool_key),
    member_id  bigint       not null references member (id),
    party_size integer      not null,
    status     varchar(16)  not null,
    seq        bigint       not null,
    joined_at  timestamp with time zone not null,
    primary key (pool_key, member_id),
    constraint signup_place_party_ck check (party_size >= 1)
);
create index signup_place_queue_ix on signup_place (pool_key, status, seq);
