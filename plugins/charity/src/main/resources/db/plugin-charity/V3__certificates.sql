-- Certificates of a volunteer's verified hours in a campaign. The code (random, unguessable) is what the certificate's
-- verification address and QR code carry. One per member, campaign and verified minutes: downloading again with the
-- same hours gives the same code; new verified hours a new one (the old still verifies what it said).
create table charity_certificate (
    code        varchar(32) primary key,
    member_id   bigint      not null,
    campaign_id bigint      not null references charity_campaign (id),
    minutes     integer     not null,
    issued_at   timestamp with time zone not null,
    constraint charity_certificate_once_uk unique (member_id, campaign_id, minutes),
    constraint charity_certificate_minutes_ck check (minutes > 0)
);
