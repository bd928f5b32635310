-- Members appear in a meetup's "Who is coming" only when they choose to (asked at RSVP, changeable in settings).
-- New members start private; existing members keep the value they have.
alter table member alter column attendance_visible set default false;
