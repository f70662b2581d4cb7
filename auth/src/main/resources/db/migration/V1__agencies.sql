-- Agencies onboarded onto the platform and the clients of their services. Keycloak holds the
-- identities (groups, users, clients and secrets); this is the platform's record of what it onboarded.
create table agency (
	code            text primary key,
	title_en        text not null,
	title_ar        text not null,
	status          text not null check (status in ('ACTIVE', 'OFFBOARDED')),
	onboarded_at    timestamptz not null,
	updated_at      timestamptz not null,
	offboarded_at   timestamptz
);

create table agency_service (
	agency              text not null references agency (code),
	name                text not null,
	client_id           text not null unique,
	created_at          timestamptz not null,
	secret_rotated_at   timestamptz,
	primary key (agency, name)
);
