-- Bawaba platform tables, in every service's own database. History in bawaba_platform_schema_history,
-- apart from the service's own migrations, so version numbers never collide.

-- Transactional outbox: written in the business transaction, sent to Kafka by the relay in id order.
create table bawaba_outbox (
    id             bigserial   primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_key      text        not null,
    event_type     text        not null,
    source         text        not null,
    subject        text,
    occurred_at    timestamptz not null,
    payload        bytea       not null,
    correlation_id text,
    traceparent    text,
    attempts       integer     not null default 0,
    last_error     text
);

-- Inbox: ids of the events each consumer group has processed, written in the handler's transaction.
create table bawaba_processed_event (
    consumer_group text        not null,
    event_id       text        not null,
    topic          text        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
