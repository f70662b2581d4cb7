package org.bawaba.eservices.change;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bawaba.contracts.eservices.ChangeKind;
import org.bawaba.eservices.catalogue.Bilingual;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tell us once ({@code eservices.tell-us-once}).
 *
 * @param subscribers per kind of change, the codes of the agencies that update their records from it
 * @param agencies the agencies' names in both languages, for the citizen's notice
 * @param deadline how long agencies have to answer before they are late and the outcome is published
 * @param checkInterval how often deadlines and retries are checked
 * @param retryInterval how long after asking a late agency it is asked again
 * @param maxAttempts how many times an agency is asked in all (the first request included)
 */
@ConfigurationProperties("eservices.tell-us-once")
record TellUsOnceProperties(Map<ChangeKind, List<String>> subscribers, Map<String, Bilingual> agencies,
		@DefaultValue("PT2H") Duration deadline, @DefaultValue("PT1M") Duration checkInterval,
		@DefaultValue("PT30M") Duration retryInterval, @DefaultValue("5") int maxAttempts) {

	TellUsOnceProperties {
		subscribers = subscribers == null ? Map.of() : Map.copyOf(subscribers);
		agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
	}

	List<String> subscribersOf(ChangeKind kind) {
		return subscribers.getOrDefault(kind, List.of());
	}

	/** The agency's name, its code in both languages when it has none configured. */
	Bilingual nameOf(String agency) {
		return agencies.getOrDefault(agency, new Bilingual(agency, agency));
	}

}
