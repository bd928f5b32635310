-- Popcorn core schema. Runs unchanged on H2 2.x and PostgreSQL 13+.
-- Ids come from sequences (allocation 50, matching the JPA @SequenceGenerator allocationSize).

create table city (
    id            bigint primary key,
    source_id     varchar(40),
    name          varchar(200) not null,
    ascii_name    varchar(200) not null,
    country_code  varchar(2)   not null,
    region        varchar(200),
    time_zone     varchar(64)  not null,
    latitude      double precision not null,
    longitude     double precision not null,
    population    bigint       not null default 0,
    retired_at    timestamp with time zone,
    created_at    timestamp with time zone not null default current_timestamp
);
create sequence city_seq start with 1000000 increment by 50;

-- Every name a city is found by (its name, ASCII name, local names such as 北京), normalised for search:
-- lower case, accents removed. Prefix search uses the index on search_key.
create table city_name (
    city_id    bigint       not null references city (id),
    name       varchar(200) not null,
    search_key varchar(200) not null,
    primary key (city_id, search_key)
);
create index city_name_search on city_name (search_key);

create table member (
    id                 bigint primary key,
    handle             varchar(32)  not null,
    handle_key         varchar(32)  not null,
    display_name       varchar(80)  not null,
    email              varchar(254),
    email_key          varchar(254),
    password_hash      varchar(512),
    bio                varchar(2000),
    home_city_id       bigint references city (id),
    avatar_url         varchar(1000),
    attendance_visible boolean      not null default true,
    is_admin           boolean      not null default false,
    points             bigint       not null default 0,
    lifetime_points    bigint       not null default 0,
    joined_at          timestamp with time zone not null,
    deleted_at         timestamp with time zone,
    version            bigint       not null default 0,
    constraint member_handle_key_uq unique (handle_key),
    constraint member_email_key_uq unique (email_key)
);
create sequence member_seq start with 50 increment by 50;
create index member_points_ix on member (points, id);
create index member_city_points_ix on member (home_city_id, points, id);

create table organiser_role (
    member_id  bigint not null references member (id),
    city_id    bigint not null references city (id),
    granted_by bigint references member (id),
    granted_at timestamp with time zone not null,
    primary key (member_id, city_id)
);
create index organiser_role_city_ix on organiser_role (city_id);

-- Bearer tokens: only the SHA-256 of the token is stored.
create table auth_token (
    token_hash   varchar(64) primary key,
    member_id    bigint not null references member (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    client       varchar(200)
);
create index auth_token_member_ix on auth_token (member_id);

-- Failed-login counters per account ("account:<id>") and per client address ("address:<ip>").
-- In the database, so that several instances share them.
create table login_throttle (
    throttle_key varchar(300) primary key,
    failures     integer not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone
);

-- The points ledger. A member's points column is the running sum of this table, kept in the same transaction.
-- (member, source, idempotency_key) is unique: the same action never pays twice.
create table points_entry (
    id              bigint primary key,
    member_id       bigint       not null references member (id),
    amount          integer      not null,
    reason          varchar(200) not null,
    source          varchar(64)  not null,
    idempotency_key varchar(200) not null,
    created_at      timestamp with time zone not null,
    constraint points_entry_idem_uq unique (member_id, source, idempotency_key)
);
create sequence points_entry_seq start with 50 increment by 50;
create index points_entry_member_ix on points_entry (member_id, id);

create table level_def (
    level_no   integer primary key,
    name       varchar(80) not null,
    min_points bigint      not null,
    constraint level_def_min_points_uq unique (min_points)
);
insert into level_def (level_no, name, min_points) values
    (1, 'Newcomer', 0),
    (2, 'Regular', 100),
    (3, 'Enthusiast', 300),
    (4, 'Insider', 700),
    (5, 'Veteran', 1500),
    (6, 'Legend', 3000),
    (7, 'Icon', 6000);

-- Counters of what a member has done (votes cast, meetups attended, volunteer hours, ...); plugins add kinds.
create table member_activity (
    member_id bigint      not null references member (id),
    kind      varchar(64) not null,
    amount    bigint      not null,
    primary key (member_id, kind)
);

-- Badges are data: core and plugins define them. A badge with activity_kind + threshold is awarded automatically
-- when the member's counter of that kind reaches the threshold; others are awarded explicitly.
create table badge (
    code          varchar(64)  primary key,
    name          varchar(120) not null,
    description   varchar(500) not null,
    icon          varchar(200) not null,
    source        varchar(64)  not null,
    activity_kind varchar(64),
    threshold     bigint
);
insert into badge (code, name, description, icon, source, activity_kind, threshold) values
    ('joined', 'Welcome aboard', 'Joined the community.', 'popcorn', 'core', null, null),
    ('first-vote', 'First vote', 'Cast a first ballot in a city vote.', 'ballot', 'core', 'votes', 1),
    ('ten-votes', 'Voice of the fans', 'Voted in 10 city votes.', 'megaphone', 'core', 'votes', 10),
    ('first-meetup', 'First meetup', 'Attended a first meetup.', 'handshake', 'core', 'meetups_attended', 1),
    ('ten-meetups', 'Regular face', 'Attended 10 meetups.', 'star', 'core', 'meetups_attended', 10),
    ('ten-volunteer-hours', 'Helping hand', 'Volunteered 10 hours.', 'heart', 'core', 'volunteer_hours', 10);

create table member_badge (
    member_id  bigint      not null references member (id),
    badge_code varchar(64) not null references badge (code),
    awarded_at timestamp with time zone not null,
    primary key (member_id, badge_code)
);

-- What a member may do, unlocked by level or granted by an admin.
create table privilege (
    code        varchar(64)  primary key,
    name        varchar(120) not null,
    description varchar(500) not null,
    min_level   integer
);
insert into privilege (code, name, description, min_level) values
    ('nominate-city', 'Nominate a city', 'Propose a city as a candidate during a voting round''s nomination window.', 2),
    ('priority-rsvp', 'Priority RSVP', 'RSVP during a meetup''s priority window, before general opening.', 4),
    ('host-without-review', 'Host without review', 'Publish fan meetups in your own city without an organiser''s approval.', 5);

create table privilege_grant (
    member_id      bigint      not null references member (id),
    privilege_code varchar(64) not null references privilege (code),
    granted_by     bigint references member (id),
    granted_at     timestamp with time zone not null,
    primary key (member_id, privilege_code)
);

create table notification (
    id         bigint primary key,
    member_id  bigint        not null references member (id),
    kind       varchar(64)   not null,
    title      varchar(200)  not null,
    body       varchar(4000) not null,
    link       varchar(1000),
    source     varchar(64)   not null,
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone
);
create sequence notification_seq start with 50 increment by 50;
create index notification_member_ix on notification (member_id, id);

-- Which notification kinds a member wants by e-mail (absent row = the kind's default, which is "no e-mail").
create table notification_pref (
    member_id bigint      not null references member (id),
    kind      varchar(64) not null,
    email     boolean     not null,
    primary key (member_id, kind)
);

-- E-mails are written here in the same transaction as their cause and delivered by a background job.
create table email_outbox (
    id          bigint primary key,
    to_address  varchar(254)  not null,
    subject     varchar(200)  not null,
    body        varchar(8000) not null,
    created_at  timestamp with time zone not null,
    sent_at     timestamp with time zone,
    attempts    integer not null default 0,
    next_try_at timestamp with time zone not null,
    last_error  varchar(1000)
);
create sequence email_outbox_seq start with 50 increment by 50;
create index email_outbox_due_ix on email_outbox (sent_at, next_try_at);
