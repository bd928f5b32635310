-- Open-ended activities (sorting donations, translating leaflets at home): instead of being checked in and out, a
-- volunteer with a confirmed place in one of the activity's shifts logs their own minutes once the shift has started.
-- The figure goes into charity_hours as PENDING and its note into charity_hours_change as the reason, by the
-- volunteer, so the lead verifies it like a checked-out entry and the history shows who logged what.
alter table charity_activity add column self_logged_hours boolean default false not null;
