create sequence complaint_tracking_seq;

create table complaint (
	id uuid primary key,
	tracking_number text not null unique,
	kind text not null check (kind in ('COMPLAINT', 'SUGGESTION')),
	agency text not null,
	service_code text,
	citizen_sub text not null,
	subject text not null,
	description text not null,
	latitude double precision,
	longitude double precision,
	address text,
	channel text not null,
	status text not null,
	assignee text,
	reopened boolean not null default false,
	filed_at timestamptz not null,
	updated_at timestamptz not null,
	first_reply_due_at timestamptz not null,
	resolution_due_at timestamptz not null,
	first_replied_at timestamptz,
	resolved_at timestamptz,
	sla_breached boolean not null default false,
	reply_breached boolean not null default false,
	resolution_breached boolean not null default false
);

create index complaint_by_citizen on complaint (citizen_sub, filed_at desc);
create index complaint_by_agency on complaint (agency, status, filed_at desc);
create index complaint_open_deadlines on complaint (resolution_due_at) where resolved_at is null;

-- every step, in order; "note" is what the citizen reads (status notes), the agency's words
create table complaint_event (
	id bigserial primary key,
	complaint_id uuid not null references complaint (id),
	status text not null,
	action text not null,
	actor_sub text not null,
	note text,
	at timestamptz not null
);

create index complaint_event_by_complaint on complaint_event (complaint_id, id);

create table complaint_attachment (
	id uuid primary key,
	complaint_id uuid not null references complaint (id),
	filename text not null,
	content_type text not null,
	size bigint not null,
	sha256 text not null,
	uploaded_by text not null,
	uploaded_at timestamptz not null
);
