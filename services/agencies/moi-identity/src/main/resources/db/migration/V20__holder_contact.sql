-- --- tellonce ---
-- The address and phone the ministry holds for each credential holder, kept current by tell-us-once changes.
create table holder_contact (
	citizen      text primary key,  -- the holder's Keycloak subject
	line1        text,
	line2        text,
	city         text,
	postal_code  text,
	phone        text,
	updated_at   timestamptz not null
);
-- --- end tellonce ---
