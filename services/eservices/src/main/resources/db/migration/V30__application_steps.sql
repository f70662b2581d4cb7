-- Integrated (level 4) services: the agencies' steps a service declares, and each application's steps
-- with one status per agency.
alter table eservice add column steps jsonb not null default '[]';

create table application_step (
    application_id uuid        not null references application (id),
    position       smallint    not null,
    step           text        not null,
    agency         text        not null,
    title_en       text        not null,
    title_ar       text        not null,
    status         text        not null check (status in ('PENDING', 'COMPLETED', 'FAILED', 'OVERDUE')),
    requested_at   timestamptz not null,
    due_at         timestamptz not null,
    reference      text,
    reason_en      text,
    reason_ar      text,
    updated_at     timestamptz,
    primary key (application_id, step)
);

-- the scheduled check looks for pending steps past their deadline
create index application_step_pending on application_step (due_at) where status = 'PENDING';
