-- Documents attached to applications: metadata here, the bytes on disk (eservices.documents.directory).
create table application_document (
    id             uuid        primary key,
    application_id uuid        not null references application (id),
    type           text        not null,
    filename       text        not null,
    media_type     text        not null,
    size_bytes     bigint      not null,
    sha256         text        not null,
    uploaded_by    text        not null,
    uploaded_at    timestamptz not null default now()
);

create index application_document_application on application_document (application_id);
