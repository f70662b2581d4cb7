-- Fee payments through the payment provider. A callback is applied once: only a PENDING payment changes.
create table payment (
    id             uuid        primary key,
    application_id uuid        not null references application (id),
    amount         numeric(12, 2) not null,
    currency       text        not null,
    status         text        not null check (status in ('PENDING', 'PAID', 'FAILED')),
    provider       text        not null,
    provider_ref   text        not null,
    redirect_url   text        not null,
    failure_reason text,
    created_at     timestamptz not null default now(),
    completed_at   timestamptz,
    unique (provider, provider_ref)
);

create index payment_application on payment (application_id);
