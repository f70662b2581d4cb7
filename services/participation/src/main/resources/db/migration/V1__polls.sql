-- Polls. The secret ballot is two tables that share nothing but the poll:
--   poll_participation says WHO voted (no choice, no time),
--   poll_ballot says WHAT was chosen (no voter, no time), with a receipt derived outside the database.
-- See the README's threat model.
create table poll (
	id uuid primary key,
	agency text not null,
	question_en text not null,
	question_ar text not null,
	multiple_choice boolean not null,
	max_choices integer not null check (max_choices >= 1),
	audience text not null check (audience in ('ALL', 'NATIONALS', 'RESIDENTS')),
	results_visibility text not null check (results_visibility in ('LIVE', 'AFTER_CLOSE')),
	suppression_threshold integer not null check (suppression_threshold >= 0),
	opens_at timestamptz not null,
	closes_at timestamptz not null check (closes_at > opens_at),
	opened_published boolean not null default false,
	closed_at timestamptz,
	created_by text not null,
	created_at timestamptz not null
);

create index poll_by_agency on poll (agency, closes_at desc);
create index poll_to_open on poll (opens_at) where not opened_published;
create index poll_to_close on poll (closes_at) where closed_at is null;

create table poll_option (
	id uuid primary key,
	poll_id uuid not null references poll (id),
	position integer not null,
	label_en text not null,
	label_ar text not null,
	unique (poll_id, position)
);

-- one row per voter and poll; the primary key is what makes "one vote per person" hold under any concurrency
create table poll_participation (
	poll_id uuid not null references poll (id),
	voter_sub text not null,
	primary key (poll_id, voter_sub)
);

-- one row per ballot; "mixed" is false until the mixer has rewritten the poll's ballots in random order
create table poll_ballot (
	receipt text primary key,
	poll_id uuid not null references poll (id),
	option_ids uuid[] not null check (cardinality(option_ids) >= 1),
	mixed boolean not null default false
);

create index poll_ballot_by_poll on poll_ballot (poll_id);
create index poll_ballot_unmixed on poll_ballot (poll_id) where not mixed;
