-- The language a member reads Popcorn in (chosen in the app, first set at sign-up); null reads as English. E-mails
-- are written in it.
alter table member add column language varchar(8);

-- A notification keeps how it was said (catalogue keys, English wording and parameters, as JSON) beside its English
-- text, so the inbox reads it in each reader's language. Older notifications have only the English text.
alter table notification add column message varchar(8000);

-- The same for the reason of a ledger entry ("Voted in …"), read in the member's language on their points page.
alter table points_entry add column reason_message varchar(2000);
