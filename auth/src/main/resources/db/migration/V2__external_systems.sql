-- Outside systems onboarded to read public events from Kafka. Keycloak holds their clients and the brokers
-- their ACLs; this is the platform's record of what it granted.
create table external_system (
	id              text primary key,
	client_id       text not null unique,
	title_en        text not null,
	title_ar        text not null,
	-- the public topics it reads, comma-separated
	topics          text not null,
	onboarded_at    timestamptz not null,
	updated_at      timestamptz not null
);
