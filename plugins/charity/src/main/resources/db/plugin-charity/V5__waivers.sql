-- A waiver per role of an activity: one text for that role in every shift of the activity (as its consent purpose,
-- waiver-<activity>-<role>, is one). The English text, the 简体中文 one if given, and the version the host's consent
-- block gave the text when it was published (a changed text is a new version). Volunteers accept that version when
-- they sign up; the host keeps who accepted which version and when (subject member-<id>), so no acceptance is here.
-- No row: the role has no waiver (removing one deletes the row; the published versions and acceptances stay).
create table charity_waiver (
    activity_id bigint        not null references charity_activity (id),
    role_code   varchar(40)   not null,
    text_en     varchar(4000) not null,
    text_zh     varchar(4000),
    version     integer       not null,
    changed_by  bigint        not null,
    changed_at  timestamp with time zone not null,
    primary key (activity_id, role_code),
    constraint charity_waiver_version_ck check (version >= 1)
);
