-- The e-service catalogue. Search runs on search_text: titles, descriptions, codes and agency names in
-- English and Arabic, normalised in Java (lower case; Arabic without diacritics or tatweel, one alef,
-- ى → ي, ة → ه, leading ال removed) exactly as queries are.
create extension if not exists pg_trgm;

create table agency (
    code    text primary key,
    name_en text not null,
    name_ar text not null
);

create table eservice (
    id                 uuid        primary key,
    code               text        not null unique,
    agency             text        not null references agency (code),
    title_en           text        not null,
    title_ar           text        not null,
    description_en     text        not null,
    description_ar     text        not null,
    category           text        not null,
    life_event         text,
    level              smallint    not null check (level between 1 and 4),
    required_documents jsonb       not null default '[]',
    fee_amount         numeric(12, 2) not null default 0 check (fee_amount >= 0),
    fee_currency       text        not null default 'QAR',
    processing_days    integer,
    channels           jsonb       not null default '[]',
    form_schema        jsonb,
    status             text        not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    search_text        text        not null,
    search_vector      tsvector    generated always as (to_tsvector('simple', search_text)) stored,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check (level = 1 or form_schema is not null)
);

create index eservice_search_vector on eservice using gin (search_vector);
create index eservice_search_trgm on eservice using gin (search_text gin_trgm_ops);
create index eservice_agency on eservice (agency, status);
