-- The authority's electricity and water accounts, each with the address it serves.
create table account (
	id                  uuid primary key,
	citizen             text not null,      -- the holder's Keycloak subject
	number              text not null unique,
	type                text not null check (type in ('ELECTRICITY', 'WATER')),
	line1               text not null,
	line2               text,
	city                text not null,
	postal_code         text,
	phone               text,               -- the holder's phone for outage messages, from tell-us-once
	opened_at           timestamptz not null,
	updated_at          timestamptz not null
);

create index account_citizen on account (citizen);
