-- a column narrower than the API's text: the hostile-input test sends a longer code
alter table application alter column service_code type varchar(40);
