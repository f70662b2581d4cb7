-- A renewed credential names the one it replaces; each credential is renewed at most once, which keeps
-- the answer to a renewal-approved event idempotent.
alter table credential add column replaces uuid unique references credential (id);
