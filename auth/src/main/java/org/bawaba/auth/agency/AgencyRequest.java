package org.bawaba.auth.agency;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.Topics;

/**
 * What an agency should look like on the platform: its name and the services it deploys. Sent whole, each
 * time: onboarding converges the realm to it.
 *
 * @param name the agency's name in English and Arabic
 * @param services the names of its services, each routed at {@code /api/agencies/<code>/<name>} and given
 * a confidential client {@code <code>-<name>}
 * @param journeys the level-4 journeys its services take part in, which decide the Kafka topics they may read
 * and write ({@link Journey}); when absent, those it had (none for a new agency). An agency whose onboarding
 * never named any (the sample agencies, declared in the cluster's {@code users.yaml}) keeps the ACLs it has.
 */
record AgencyRequest(@NotNull @Valid Bilingual name,
		@NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = AgencyRequest.SERVICE_NAME) String> services,
		@Size(max = 3) List<@NotNull Journey> journeys) {

	AgencyRequest {
		journeys = journeys == null ? null : journeys.stream().distinct().sorted().toList();
	}

	static final String CODE = Topics.AGENCY_CODE;

	static final String SERVICE_NAME = "[a-z][a-z0-9-]{1,39}";

}
