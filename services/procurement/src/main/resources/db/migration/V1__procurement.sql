-- Suppliers: businesses; the users acting for one are its members (Keycloak subjects).
create table supplier (
	id uuid primary key,
	registration_number varchar(32) not null unique,
	name_en varchar(200) not null,
	name_ar varchar(200) not null,
	sells text[] not null,
	subscriptions text[] not null,
	contact_email varchar(200) not null,
	contact_phone varchar(40),
	contact_person varchar(200),
	created_at timestamptz not null,
	updated_at timestamptz not null
);

create table supplier_member (
	subject varchar(100) primary key,
	supplier_id uuid not null references supplier (id)
);

create table tender (
	id uuid primary key,
	ocid varchar(160) not null unique,
	agency varchar(32) not null,
	status varchar(16) not null,
	version int not null,
	title_en varchar(300) not null,
	title_ar varchar(300) not null,
	description_en text not null,
	description_ar text not null,
	category varchar(40) not null,
	estimated_amount numeric(18, 2) not null,
	currency char(3) not null,
	documents jsonb not null,
	criteria jsonb not null,
	clarification_deadline timestamptz not null,
	submission_deadline timestamptz not null,
	opening_time timestamptz not null,
	created_by varchar(100) not null,
	created_at timestamptz not null,
	published_at timestamptz,
	cancelled_at timestamptz,
	cancel_reason text,
	opened_at timestamptz,
	evaluated_at timestamptz,
	-- position in the changes feed: taken under a global lock at commit order, so a mirror reading
	-- "everything after offset N" never misses a change committed later with a smaller number
	change_seq bigint unique,
	date_modified timestamptz
);
create index tender_agency on tender (agency, status);
create index tender_due on tender (opening_time) where status = 'PUBLISHED';
create sequence tender_change_seq;

-- Every published version of a tender (1 = as first published, then one per amendment).
create table tender_version (
	tender_id uuid not null references tender (id),
	version int not null,
	rationale text,
	snapshot jsonb not null,
	published_at timestamptz not null,
	primary key (tender_id, version)
);

-- The tender's opening key pair: bids are sealed to the public key; the private key is stored only
-- wrapped by the key-encryption key (which is not in this database), and the opening time is
-- authenticated with a key derived from it, so editing opening_time here cannot open bids early.
create table tender_key (
	tender_id uuid primary key references tender (id),
	public_key bytea not null,
	wrapped_private_key bytea,
	opening_time_tag bytea not null,
	created_at timestamptz not null,
	released_at timestamptz,
	destroyed_at timestamptz
);

create table clarification (
	id uuid primary key,
	tender_id uuid not null references tender (id),
	supplier_id uuid not null references supplier (id),
	question text not null,
	asked_at timestamptz not null,
	answer_en text,
	answer_ar text,
	answered_at timestamptz,
	answered_by varchar(100)
);
create index clarification_tender on clarification (tender_id);

-- A sealed bid: only the supplier, the time and the hash of the (salted) content are in clear until
-- the opening; the content is AES-GCM ciphertext under a key agreed with the tender's public key.
create table bid (
	id uuid primary key,
	tender_id uuid not null references tender (id),
	supplier_id uuid not null references supplier (id),
	status varchar(16) not null,
	submitted_at timestamptz not null,
	content_sha256 char(64),
	ephemeral_key bytea,
	nonce bytea,
	ciphertext bytea,
	signature bytea,
	withdrawn_at timestamptz,
	opened_amount numeric(18, 2),
	opened_currency char(3),
	qualified boolean,
	score int,
	evaluation_note text
);
create unique index bid_one_active on bid (tender_id, supplier_id) where status = 'ACTIVE';

create table award (
	id uuid primary key,
	tender_id uuid not null unique references tender (id),
	bid_id uuid not null references bid (id),
	supplier_id uuid not null references supplier (id),
	amount numeric(18, 2) not null,
	currency char(3) not null,
	justification_en text not null,
	justification_ar text not null,
	awarded_at timestamptz not null,
	standstill_ends_at timestamptz not null,
	awarded_by varchar(100) not null
);

create table contract (
	id uuid primary key,
	tender_id uuid not null unique references tender (id),
	award_id uuid not null references award (id),
	supplier_id uuid not null references supplier (id),
	amount numeric(18, 2) not null,
	currency char(3) not null,
	signed_at timestamptz not null,
	signed_by varchar(100) not null
);

-- OCDS releases, append-only, in publication order.
create table ocds_release (
	seq bigserial primary key,
	ocid varchar(160) not null,
	release_id varchar(220) not null unique,
	tender_id uuid not null references tender (id),
	released_at timestamptz not null,
	release jsonb not null
);
create index ocds_release_ocid on ocds_release (ocid, seq);

-- Who did what to sealed material and decisions: key releases, openings, reads of opened bids, awards.
create table audit_log (
	id bigserial primary key,
	at timestamptz not null,
	actor varchar(100) not null,
	action varchar(40) not null,
	tender_id uuid,
	detail text
);
