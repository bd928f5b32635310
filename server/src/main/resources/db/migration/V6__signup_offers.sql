-- Time-limited offers for sign-up pools: when offer_seconds is set, freed seats are offered to the head of the waiting
-- list (status OFFERED, seats held) until offer_expires_at; the sweeper expires unanswered offers.
alter table signup_pool add column offer_seconds integer;
alter table signup_place add column offer_expires_at timestamp with time zone;
create index signup_place_offer_ix on signup_place (status, offer_expires_at);
