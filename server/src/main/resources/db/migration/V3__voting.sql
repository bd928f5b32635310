-- City voting: rounds, candidates, nominations, ballots, running totals. Runs on H2 2.x and PostgreSQL 13+.

create table voting_round (
    id                   bigint primary key,
    title                varchar(200)  not null,
    description          varchar(4000),
    state                varchar(16)   not null,
    owner_city_id        bigint references city (id),
    created_by           bigint        not null references member (id),
    nomination_opens_at  timestamp with time zone,
    nomination_closes_at timestamp with time zone,
    opens_at             timestamp with time zone not null,
    closes_at            timestamp with time zone not null,
    mode                 varchar(16)   not null,
    max_choices          integer       not null,
    candidate_mode       varchar(16)   not null,
    support_threshold    integer       not null,
    size_brackets        varchar(200)  not null,
    min_level            integer,
    member_since_before  timestamp with time zone,
    countries            varchar(400),
    results_visibility   varchar(16)   not null,
    ballots              integer       not null default 0,
    eligible_count       integer,
    eligible_counted_at  timestamp with time zone,
    winner_city_id       bigint references city (id),
    chosen_size          integer,
    winner_pledges       integer,
    tie_break            varchar(500),
    state_reason         varchar(500),
    created_at           timestamp with time zone not null,
    opened_at            timestamp with time zone,
    closed_at            timestamp with time zone,
    version              bigint        not null default 0
);
create sequence voting_round_seq start with 50 increment by 50;
create index voting_round_state_ix on voting_round (state, opens_at);

-- Candidates with their running totals (kept in the ballot's transaction).
create table round_candidate (
    round_id bigint  not null references voting_round (id),
    city_id  bigint  not null references city (id),
    votes    integer not null default 0,
    pledges  integer not null default 0,
    added_at timestamp with time zone not null,
    primary key (round_id, city_id)
);

-- Distribution of the size answer.
create table round_size_tally (
    round_id bigint  not null references voting_round (id),
    size     integer not null,
    ballots  integer not null default 0,
    primary key (round_id, size)
);

-- New ballots per hour, for the turnout-over-time chart.
create table round_turnout (
    round_id bigint  not null references voting_round (id),
    hour_start timestamp with time zone not null,
    ballots  integer not null default 0,
    primary key (round_id, hour_start)
);

create table round_nomination (
    round_id    bigint  not null references voting_round (id),
    city_id     bigint  not null references city (id),
    proposed_by bigint  references member (id),
    proposed_at timestamp with time zone not null,
    supporters  integer not null default 0,
    primary key (round_id, city_id)
);

create table round_nomination_support (
    round_id  bigint not null references voting_round (id),
    city_id   bigint not null references city (id),
    member_id bigint not null references member (id),
    primary key (round_id, city_id, member_id)
);

-- One ballot per member per round, enforced here. The receipt is unguessable and changes when the ballot changes.
create table ballot (
    id         bigint primary key,
    round_id   bigint      not null references voting_round (id),
    member_id  bigint      not null references member (id),
    size       integer     not null,
    pledge     boolean     not null,
    receipt    varchar(40) not null,
    cast_at    timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint      not null default 0,
    constraint ballot_one_per_member_uq unique (round_id, member_id),
    constraint ballot_receipt_uq unique (receipt)
);
create sequence ballot_seq start with 50 increment by 50;

create table ballot_choice (
    ballot_id bigint not null references ballot (id),
    city_id   bigint not null references city (id),
    primary key (ballot_id, city_id)
);

-- Domain events (round closed, ...) recorded in the transaction that caused them, for plugins and audits.
create table domain_event (
    id          bigint primary key,
    type        varchar(100)  not null,
    source      varchar(64)   not null,
    payload     varchar(8000) not null,
    occurred_at timestamp with time zone not null
);
create sequence domain_event_seq start with 50 increment by 50;
create index domain_event_type_ix on domain_event (type, id);
