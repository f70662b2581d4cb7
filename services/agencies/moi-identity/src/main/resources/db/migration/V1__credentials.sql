-- Identity documents the ministry issued, with their expiry dates.
create table credential (
	id          uuid primary key,
	citizen     text not null,          -- the holder's Keycloak subject
	type        text not null check (type in ('ID_CARD', 'RESIDENCE_PERMIT')),
	number      text not null unique,
	issued_on   date not null,
	expires_on  date not null check (expires_on > issued_on),
	issued_at   timestamptz not null
);

create index credential_citizen on credential (citizen);
