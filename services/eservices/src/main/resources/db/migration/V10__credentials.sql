-- The citizens' credentials as the issuing agencies announce them (credential.issued), for proactive
-- renewal. No document numbers: the agency keeps those.
create table credential (
    id              uuid        primary key,                -- as the issuing agency identifies it
    agency          text        not null,
    holder_subject  text        not null,                   -- the holder's Keycloak sub
    type            text        not null,
    issued_on       date        not null,
    expires_on      date        not null,
    issued_at       timestamptz not null,
    replaces        uuid,                                   -- the credential this one renews
    renewed_by      uuid,                                   -- the credential that renewed this one
    renewed_at      timestamptz,
    recorded_at     timestamptz not null default now()
);

create index credential_holder on credential (holder_subject, expires_on);
create index credential_expiring on credential (expires_on) where renewed_by is null;

-- One "click to renew" notice per credential and renewal window: the primary key is the guarantee,
-- across runs and instances (the notice's event is written in the same transaction as its row).
create table credential_notice (
    credential_id   uuid        not null references credential (id),
    window_days     integer     not null,
    noticed_at      timestamptz not null default now(),
    primary key (credential_id, window_days)
);

-- Renewal applications of credentials; at most one open per credential.
create table credential_renewal (
    application_id  uuid        primary key references application (id),
    credential_id   uuid        not null references credential (id),
    open            boolean     not null default true,
    created_at      timestamptz not null default now(),
    closed_at       timestamptz
);

create unique index credential_renewal_one_open on credential_renewal (credential_id) where open;
