-- Tell us once: a change of address or phone a citizen reported once, and each subscribed agency's answer.
create table change_report (
	id            uuid primary key,
	citizen       text not null,                 -- the citizen's Keycloak subject
	kind          text not null check (kind in ('ADDRESS', 'PHONE')),
	new_value     jsonb not null,                -- the new address or phone: stays here, agencies read it by API
	reported_at   timestamptz not null,
	deadline      timestamptz not null,          -- agencies not answering by then are late
	completed_at  timestamptz                    -- when change.completed was published
);

create index change_report_citizen on change_report (citizen, reported_at desc);
create index change_report_open on change_report (deadline) where completed_at is null;

create table change_confirmation (
	change_id     uuid not null references change_report (id),
	agency        text not null,
	status        text not null check (status in ('PENDING', 'UPDATED', 'FAILED')),
	reason_en     text,
	reason_ar     text,
	late          boolean not null default false, -- had not answered by the deadline (a later answer still counts)
	attempts      int not null default 1,         -- how many times change.reported asked this agency
	last_asked_at timestamptz not null,
	confirmed_at  timestamptz,
	primary key (change_id, agency)
);

create index change_confirmation_pending on change_confirmation (last_asked_at) where status = 'PENDING' and late;
