package org.bawaba.auth.system;

import java.time.Instant;
import java.util.List;

import org.bawaba.auth.agency.Bilingual;

/**
 * An outside system onboarded to read public events.
 *
 * @param id its id in the platform's API
 * @param clientId its Keycloak client, which is also its Kafka principal ({@code User:<clientId>}) and the
 * prefix of its consumer groups
 */
record ExternalSystem(String id, String clientId, Bilingual name, List<String> topics, Instant onboardedAt,
		Instant updatedAt) {

	static String clientId(String id) {
		return "system-" + id;
	}

}
