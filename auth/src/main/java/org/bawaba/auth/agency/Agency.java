package org.bawaba.auth.agency;

import java.time.Instant;
import java.util.List;

/** An onboarded agency as the platform records it, with the journeys its services take part in. */
record Agency(String code, Bilingual name, Status status, List<AgencyService> services, List<Journey> journeys,
		Instant onboardedAt, Instant updatedAt, Instant offboardedAt) {

	enum Status {

		ACTIVE, OFFBOARDED

	}

	/** One of its services: where the gateway routes it and the client it calls with. */
	record AgencyService(String name, String clientId, String publicPath, Instant createdAt,
			Instant secretRotatedAt) {
	}

}
