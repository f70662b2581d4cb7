-- Births registered and certificates issued as the health ministry's step of the newborn service.
create sequence birth_certificate_seq;

create table birth_certificate (
    id              uuid        primary key,
    application_id  uuid        not null unique,   -- the integrated application that asked for it
    parent          text        not null,          -- the applying parent's Keycloak subject
    reference       text        not null unique,   -- the certificate's reference, reported to the platform
    issued_at       timestamptz not null
);

create index birth_certificate_parent on birth_certificate (parent);
