-- Consent (org.popcorn.api.Consents): each version of a purpose's text a plugin published, and each consent given to
-- one of them: who (the plugin's opaque subject reference), when, captured by whom, withdrawn when. A record holds
-- no personal data, so it outlives the erasure of the data it allowed.
create table consent_text (
    plugin_id    varchar(64)  not null,
    purpose      varchar(64)  not null,
    version      integer      not null,
    texts        varchar(20000) not null,
    published_at timestamp with time zone not null,
    primary key (plugin_id, purpose, version),
    constraint consent_text_version_ck check (version >= 1)
);

create table consent_record (
    id           bigint primary key,
    plugin_id    varchar(64)  not null,
    subject      varchar(100) not null,
    purpose      varchar(64)  not null,
    version      integer      not null,
    given_at     timestamp with time zone not null,
    captured_by  bigint,
    withdrawn_at timestamp with time zone,
    constraint consent_record_text_fk foreign key (plugin_id, purpose, version)
        references consent_text (plugin_id, purpose, version),
    constraint consent_record_time_ck check (withdrawn_at is null or withdrawn_at >= given_at)
);
create sequence consent_record_seq start with 50 increment by 50;
create index consent_record_subject_ix on consent_record (plugin_id, subject, purpose);
