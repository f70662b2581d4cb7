-- The catalogue: organisations (agencies), themes (CKAN groups), datasets, resources and their datastore versions.

create table organization (
  id             uuid primary key,
  name           text not null unique,
  title_en       text not null,
  title_ar       text not null,
  description_en text,
  description_ar text,
  created_at     timestamptz not null default now()
);

create table theme (
  id             uuid primary key,
  name           text not null unique,
  title_en       text not null,
  title_ar       text not null,
  -- the EU data theme code (http://publications.europa.eu/resource/authority/data-theme/<code>)
  eu_theme       text not null
);

create table dataset (
  id               uuid primary key,
  name             text not null unique,
  organization_id  uuid not null references organization (id),
  title_en         text not null,
  title_ar         text not null,
  notes_en         text,
  notes_ar         text,
  license_id       text not null,
  frequency        text,
  temporal_start   date,
  temporal_end     date,
  spatial          text,
  maintainer       text,
  maintainer_email text,
  version          text,
  private          boolean not null default false,
  -- updated from events by the service itself, not edited by people
  live             boolean not null default false,
  -- normalised words (English and Arabic) of titles, notes, tags, themes and the organisation
  search_vector    tsvector not null,
  created_at       timestamptz not null,
  modified_at      timestamptz not null
);
create index dataset_search on dataset using gin (search_vector);
create index dataset_organization on dataset (organization_id);

create table dataset_tag (
  dataset_id uuid not null references dataset (id) on delete cascade,
  tag        text not null,
  primary key (dataset_id, tag)
);
create index dataset_tag_tag on dataset_tag (tag);

create table dataset_theme (
  dataset_id uuid not null references dataset (id) on delete cascade,
  theme_id   uuid not null references theme (id),
  primary key (dataset_id, theme_id)
);

create table resource (
  id              uuid primary key,
  dataset_id      uuid not null references dataset (id) on delete cascade,
  position        int not null,
  name_en         text not null,
  name_ar         text not null,
  description_en  text,
  description_ar  text,
  format          text,
  -- a link resource's address; null for data loaded into the datastore (served at /datastore/dump/{id})
  url             text,
  -- the datastore table of the current version (schema datastore), null when none is loaded
  datastore_table text,
  current_version int,
  -- [{"id": column, "type": int|numeric|bool|date|timestamp|timestamptz|text}]
  fields          jsonb,
  -- rows of the current version: exact for uploads (tables never change once loaded), null for live tables
  row_count       bigint,
  live            boolean not null default false,
  download_count  bigint not null default 0,
  created_at      timestamptz not null,
  modified_at     timestamptz not null
);
create index resource_dataset on resource (dataset_id, position);

create table resource_version (
  resource_id       uuid not null references resource (id) on delete cascade,
  version           int not null,
  table_name        text not null,
  row_count         bigint not null,
  fields            jsonb not null,
  size_bytes        bigint not null,
  sha256            text not null,
  original_filename text,
  format            text not null,
  loaded_by         text not null,
  loaded_at         timestamptz not null,
  -- false once the table was dropped (only the last opendata.datastore.versions-kept tables stay)
  available         boolean not null default true,
  primary key (resource_id, version)
);

create schema datastore;

insert into organization (id, name, title_en, title_ar, description_en, description_ar) values
  ('00000000-0000-0000-0000-00000000000b', 'bawaba', 'Bawaba platform', 'منصة بوابة',
   'Statistics the platform publishes by itself from its events.', 'إحصاءات تنشرها المنصة تلقائياً من أحداثها.'),
  ('00000000-0000-0000-0000-000000000001', 'moi', 'Ministry of Interior', 'وزارة الداخلية', null, null),
  ('00000000-0000-0000-0000-000000000002', 'mme', 'Ministry of Municipality and Environment', 'وزارة البلدية والبيئة', null, null),
  ('00000000-0000-0000-0000-000000000003', 'moph', 'Ministry of Public Health', 'وزارة الصحة العامة', null, null);

insert into theme (id, name, title_en, title_ar, eu_theme) values
  ('00000000-0000-0000-0001-000000000001', 'agriculture', 'Agriculture, fisheries, forestry and food', 'الزراعة والثروة السمكية والغذاء', 'AGRI'),
  ('00000000-0000-0000-0001-000000000002', 'economy', 'Economy and finance', 'الاقتصاد والمالية', 'ECON'),
  ('00000000-0000-0000-0001-000000000003', 'education', 'Education, culture and sport', 'التعليم والثقافة والرياضة', 'EDUC'),
  ('00000000-0000-0000-0001-000000000004', 'energy', 'Energy', 'الطاقة', 'ENER'),
  ('00000000-0000-0000-0001-000000000005', 'environment', 'Environment', 'البيئة', 'ENVI'),
  ('00000000-0000-0000-0001-000000000006', 'government', 'Government and public sector', 'الحكومة والقطاع العام', 'GOVE'),
  ('00000000-0000-0000-0001-000000000007', 'health', 'Health', 'الصحة', 'HEAL'),
  ('00000000-0000-0000-0001-000000000008', 'international', 'International issues', 'الشؤون الدولية', 'INTR'),
  ('00000000-0000-0000-0001-000000000009', 'justice', 'Justice, legal system and public safety', 'العدل والأمن العام', 'JUST'),
  ('00000000-0000-0000-0001-00000000000a', 'regions', 'Regions and cities', 'المناطق والمدن', 'REGI'),
  ('00000000-0000-0000-0001-00000000000b', 'population', 'Population and society', 'السكان والمجتمع', 'SOCI'),
  ('00000000-0000-0000-0001-00000000000c', 'technology', 'Science and technology', 'العلوم والتكنولوجيا', 'TECH'),
  ('00000000-0000-0000-0001-00000000000d', 'transport', 'Transport', 'النقل', 'TRAN');
