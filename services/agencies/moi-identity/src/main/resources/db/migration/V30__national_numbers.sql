-- Children's national numbers registered as the interior ministry's step of the newborn service. The
-- number stays here (the parent reads it with GET /national-numbers); the platform only hears of the
-- registration's reference.
create sequence national_number_seq;

create table national_number (
    id              uuid        primary key,
    application_id  uuid        not null unique,   -- the integrated application that asked for it
    parent          text        not null,          -- the applying parent's Keycloak subject
    number          text        not null unique,
    reference       text        not null unique,
    registered_at   timestamptz not null
);

create index national_number_parent on national_number (parent);
