-- Months whose statistics were published by the monthly job, so that it publishes each month once.
create table statistics_publication (
    month        text        primary key,
    published_at timestamptz not null default now()
);

create index rating_month on rating (rated_at);
create index application_submitted on application (submitted_at);
