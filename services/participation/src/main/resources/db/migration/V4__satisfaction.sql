-- an invitation to rate a completed online service (from eservices' application.completed.v1)
create table satisfaction_invitation (
	id uuid primary key,
	application_id uuid not null unique,
	service_code text not null,
	agency text not null,
	citizen_sub text not null,
	completed_at timestamptz not null,
	invited_at timestamptz not null,
	score integer check (score between 1 and 5),
	comment text,
	answered_at timestamptz
);

create index invitation_by_citizen on satisfaction_invitation (citizen_sub, invited_at desc);
create index invitation_answered on satisfaction_invitation (answered_at) where answered_at is not null;

-- standalone surveys an agency runs
create table survey (
	id uuid primary key,
	agency text not null,
	service_code text,
	title_en text not null,
	title_ar text not null,
	question_en text not null,
	question_ar text not null,
	opens_at timestamptz not null,
	closes_at timestamptz not null check (closes_at > opens_at),
	created_by text not null,
	created_at timestamptz not null
);

create table survey_response (
	survey_id uuid not null references survey (id),
	respondent_sub text not null,
	score integer not null check (score between 1 and 5),
	comment text,
	answered_at timestamptz not null,
	primary key (survey_id, respondent_sub)
);

-- what was published, so a month can be read back and republished
create table satisfaction_indicator (
	month text not null,
	agency text not null,
	service_code text not null,
	responses integer not null,
	satisfied integer not null,
	share double precision not null,
	published_at timestamptz not null,
	primary key (month, agency, service_code)
);
