-- People: the contact profile each person controls, their language and their preferences.
create table person (
	sub text primary key,
	email text,
	phone text,
	locale text,
	token_locale text,              -- the locale claim of the last token seen by the inbox endpoints
	opted_out boolean not null default false,
	quiet_start time,
	quiet_end time,
	time_zone text,
	updated_at timestamptz not null default now()
);

create table category_preference (
	sub text not null references person on delete cascade,
	category text not null,
	channels text[] not null,
	primary key (sub, category)
);

-- Bilingual templates, one row per version; the highest version is the current one.
create table template (
	code text not null,
	version int not null,
	subject_en text not null,
	body_en text not null,
	subject_ar text not null,
	body_ar text not null,
	summary_subject_en text,
	summary_body_en text,
	summary_subject_ar text,
	summary_body_ar text,
	item_en text,
	item_ar text,
	created_by text not null,
	created_at timestamptz not null default now(),
	primary key (code, version)
);

-- One notice per person and event, or per person and consolidation key within its window.
create table notice (
	id uuid primary key,
	recipient text not null,
	category text not null,
	event_type text not null,
	template_code text not null,
	template_version int not null,
	subject_en text not null,
	body_en text not null,
	subject_ar text not null,
	body_ar text not null,
	link text,
	required boolean not null,
	in_inbox boolean not null,      -- false when the person chose only e-mail or SMS for the category
	consolidation_key text,
	window_ends_at timestamptz not null,
	event_count int not null default 1,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	read_at timestamptz,
	deleted_at timestamptz          -- kept, so a redelivered event still finds its notice
);
create index notice_inbox on notice (recipient, updated_at desc) where deleted_at is null and in_inbox;
create index notice_open_window on notice (recipient, consolidation_key, window_ends_at)
	where consolidation_key is not null;

create table notice_event (
	event_id text not null,
	recipient text not null,
	notice_id uuid not null references notice,
	data jsonb not null,
	received_at timestamptz not null default now(),
	primary key (event_id, recipient)
);
create index notice_event_notice on notice_event (notice_id);

-- Notices to an audience (poll openings): shown in every matching inbox on read, not copied per person.
create table broadcast (
	id uuid primary key,
	event_id text not null unique,
	audience_role text not null,
	category text not null,
	event_type text not null,
	template_code text not null,
	template_version int not null,
	subject_en text not null,
	body_en text not null,
	subject_ar text not null,
	body_ar text not null,
	link text,
	created_at timestamptz not null default now(),
	expires_at timestamptz
);
create index broadcast_recent on broadcast (audience_role, created_at desc);

create table broadcast_state (
	broadcast_id uuid not null references broadcast,
	sub text not null,
	read_at timestamptz,
	deleted_at timestamptz,
	primary key (broadcast_id, sub)
);

-- E-mail and SMS deliveries, worked by a scheduled job (FOR UPDATE SKIP LOCKED); they survive restarts.
create table delivery (
	id bigserial primary key,
	notice_id uuid not null references notice,
	recipient text not null,
	channel text not null,
	status text not null,
	attempts int not null default 0,
	next_attempt_at timestamptz,
	provider_ref text,
	last_error text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (notice_id, channel)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_recipient on delivery (recipient, created_at desc);
create index delivery_provider_ref on delivery (provider_ref) where provider_ref is not null;

-- Local replicas from procurement's events: who acts for which supplier, and each tender's category.
create table supplier (
	supplier_id text primary key,
	name text,
	categories text[] not null,
	members text[] not null,
	updated_at timestamptz not null
);
create index supplier_categories on supplier using gin (categories);

create table tender (
	tender_id text primary key,
	category text not null,
	title jsonb
);

-- Every consumed event, kept for webhook deliveries and replays (retention: notifications.webhooks.retention).
create table event_log (
	event_id text primary key,
	type text not null,
	source text not null,
	subject text,
	time timestamptz,
	data_content_type text,
	data bytea,
	received_at timestamptz not null default now()
);
create index event_log_type_time on event_log (type, received_at);

create table webhook_subscription (
	id uuid primary key,
	owner text not null,
	url text not null,
	types text[] not null,
	secret text not null,
	description text,
	status text not null,
	consecutive_failures int not null default 0,
	paused_at timestamptz,
	created_at timestamptz not null default now()
);
create index webhook_subscription_types on webhook_subscription using gin (types) where status = 'ACTIVE';

create table webhook_delivery (
	id bigserial primary key,
	subscription_id uuid not null references webhook_subscription on delete cascade,
	event_id text not null,
	status text not null,
	attempts int not null default 0,
	next_attempt_at timestamptz,
	last_status_code int,
	last_error text,
	replay boolean not null default false,
	created_at timestamptz not null default now(),
	delivered_at timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc);
