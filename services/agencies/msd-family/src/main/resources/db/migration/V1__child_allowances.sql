-- Child allowances granted as the social development ministry's step of the newborn service.
create sequence child_allowance_seq;

create table child_allowance (
    id              uuid           primary key,
    application_id  uuid           not null unique,   -- the integrated application that asked for it
    parent          text           not null,          -- the applying parent's Keycloak subject
    reference       text           not null unique,
    monthly_amount  numeric(10, 2) not null,
    granted_at      timestamptz    not null
);

create index child_allowance_parent on child_allowance (parent, granted_at);
