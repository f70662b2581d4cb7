-- Locks of the jobs that must run once with several instances (ShedLock's JdbcTemplate provider,
-- using the database's clock): one row per job name, held until lock_until (UTC).
create table bawaba_shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
