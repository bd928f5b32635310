-- Running totals of a voting round in 32 shards (issue #17). A ballot belongs to the shard of its member
-- (member id mod 32): it locks that shard's gate row and updates only that shard's rows, so ballots of different
-- members no longer queue on the round's one row. Closing a round locks all 32 gates, so no ballot is in flight when
-- the final totals are summed and none can land after. Totals are the sums over the shards.
-- The old running totals (round_candidate.votes/pledges, round_size_tally, voting_round.ballots) are replaced by a
-- recount from the ballots themselves, so the new totals equal what the receipts publish.

-- The shard numbers 0..31 (RoundTallies.SHARDS in the code).
create table tally_shard (
    n integer primary key,
    constraint tally_shard_range check (n >= 0 and n < 32)
);
insert into tally_shard (n) values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15),
    (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31);

-- A shard's gate, and its count of ballots.
create table round_shard (
    round_id bigint  not null references voting_round (id),
    shard    integer not null references tally_shard (n),
    ballots  integer not null default 0,
    primary key (round_id, shard),
    constraint round_shard_ballots_ck check (ballots >= 0)
);

-- A candidate's votes and pledges within one shard.
create table round_candidate_shard (
    round_id bigint  not null,
    city_id  bigint  not null,
    shard    integer not null references tally_shard (n),
    votes    integer not null default 0,
    pledges  integer not null default 0,
    primary key (round_id, city_id, shard),
    foreign key (round_id, city_id) references round_candidate (round_id, city_id),
    constraint round_candidate_shard_ck check (votes >= 0 and pledges >= 0 and pledges <= votes)
);

-- How many ballots of one shard chose a size bracket.
create table round_size_shard (
    round_id bigint  not null references voting_round (id),
    size     integer not null,
    shard    integer not null references tally_shard (n),
    ballots  integer not null default 0,
    primary key (round_id, size, shard),
    constraint round_size_shard_ck check (ballots >= 0)
);

-- New ballots of one shard in one hour (hours since 1970-01-01T00:00Z), for the turnout-over-time chart.
create table round_turnout_shard (
    round_id bigint  not null references voting_round (id),
    hour_index bigint not null,
    shard    integer not null references tally_shard (n),
    ballots  integer not null default 0,
    primary key (round_id, hour_index, shard),
    constraint round_turnout_shard_ck check (ballots >= 0)
);

-- Rounds that have opened get their rows now; a round still in draft or nomination gets them when it opens.
insert into round_shard (round_id, shard, ballots)
select r.id, s.n, (select count(*) from ballot b where b.round_id = r.id and mod(b.member_id, 32) = s.n)
from voting_round r cross join tally_shard s
where r.opened_at is not null;

insert into round_candidate_shard (round_id, city_id, shard, votes, pledges)
select c.round_id, c.city_id, s.n,
    (select count(*) from ballot b join ballot_choice bc on bc.ballot_id = b.id
        where b.round_id = c.round_id and bc.city_id = c.city_id and mod(b.member_id, 32) = s.n),
    (select count(*) from ballot b join ballot_choice bc on bc.ballot_id = b.id
        where b.round_id = c.round_id and bc.city_id = c.city_id and mod(b.member_id, 32) = s.n and b.pledge = true)
from round_candidate c join voting_round r on r.id = c.round_id cross join tally_shard s
where r.opened_at is not null;

insert into round_size_shard (round_id, size, shard, ballots)
select t.round_id, t.size, s.n,
    (select count(*) from ballot b where b.round_id = t.round_id and b.size = t.size and mod(b.member_id, 32) = s.n)
from round_size_tally t join voting_round r on r.id = t.round_id cross join tally_shard s
where r.opened_at is not null;

-- Turnout only ever grew, so its hours move to shard 0 as they are.
insert into round_turnout_shard (round_id, hour_index, shard, ballots)
select round_id, cast(extract(epoch from hour_start) as bigint) / 3600, 0, ballots from round_turnout;

drop table round_turnout;
drop table round_size_tally;
alter table round_candidate drop column votes;
alter table round_candidate drop column pledges;
alter table voting_round drop column ballots;
