-- The level-4 journeys each agency's services take part in (org.bawaba.auth.agency.Journey): they decide the
-- Kafka topics its service clients may read and write.
create table agency_journey (
	agency   text not null references agency (code),
	journey  text not null check (journey in ('APPLICATIONS', 'TELL_US_ONCE', 'RENEWALS')),
	primary key (agency, journey)
);
