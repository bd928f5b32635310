-- Each change of a meetup counts up its version: two hosts editing the same meetup at once no longer overwrite each
-- other silently; the later edit is refused (409 meetups.edited-meanwhile) and its host sees the current state.
alter table meetups_meetup add column version bigint default 0 not null;
