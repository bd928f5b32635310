-- A pool may ask members to keep free time between its place and their other exclusive places (Signups.PoolSpec
-- minRest, in seconds; null: back to back is fine). Existing pools keep no rest, as before.
alter table signup_pool add column min_rest_seconds integer;
