-- Citizens' applications and their full status history.
create sequence application_reference_seq;

create table application (
    id               uuid        primary key,
    reference        text        not null unique,
    service_code     text        not null references eservice (code),
    agency           text        not null references agency (code),
    citizen_subject  text        not null,
    status           text        not null check (status in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED',
                                                            'APPROVED', 'REJECTED', 'COMPLETED')),
    form_data        jsonb       not null default '{}',
    fee_amount       numeric(12, 2) not null,
    fee_currency     text        not null,
    payment_required boolean     not null,
    paid_at          timestamptz,
    assignee         text,
    created_at       timestamptz not null default now(),
    submitted_at     timestamptz,
    completed_at     timestamptz,
    updated_at       timestamptz not null default now()
);

create index application_citizen on application (citizen_subject, created_at desc);
create index application_queue on application (agency, status, submitted_at);

create table application_history (
    id             bigserial   primary key,
    application_id uuid        not null references application (id),
    from_status    text,
    to_status      text        not null,
    action         text        not null,
    actor          text        not null,
    note           text,
    at             timestamptz not null default now()
);

create index application_history_application on application_history (application_id, id);

-- A citizen's rating of the service, once per completed application.
create table rating (
    application_id uuid        primary key references application (id),
    service_code   text        not null,
    agency         text        not null,
    score          smallint    not null check (score between 1 and 5),
    comment        text,
    rated_at       timestamptz not null default now()
);
