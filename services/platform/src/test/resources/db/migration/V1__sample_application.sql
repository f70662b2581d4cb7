create table application (
    id           uuid primary key,
    owner        text not null,
    service_code text not null,
    agency       text not null,
    acknowledged boolean not null default false
);
