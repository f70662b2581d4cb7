package org.bawaba.auth.agency;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an agency should look like on the platform: its name and the services it deploys. Sent whole, each
 * time: onboarding converges the realm to it.
 *
 * @param name the agency's name in English and Arabic
 * @param services the names of its services, each routed at {@code /api/agencies/<code>/<name>} and given
 * a confidential client {@code <code>-<name>}
 * @param journeys the level-4 journeys its services take part in, which decide the Kafka topics they may read
 * and write ({@link Journey}); none when absent
 */
record AgencyRequest(@NotNull @Valid Bilingual name,
		@NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = AgencyRequest.SERVICE_NAME) String> services,
		@Size(max = 3) List<@NotNull Journey> journeys) {

	AgencyRequest {
		journeys = journeys == null ? List.of() : journeys.stream().distinct().sorted().toList();
	}

	static final String CODE = "[a-z][a-z0-9]{1,19}";

	static final String SERVICE_NAME = "[a-z][a-z0-9-]{1,39}";

}
