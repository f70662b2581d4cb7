package org.bawaba.contracts;

/**
 * Kafka topic names. One topic per entity, so that all events of one entity share a partition (the key
 * is the entity id) and stay ordered. Failed deliveries are parked on {@code <topic>.dlt}.
 */
public final class Topics {

	/** Events about e-service applications: submitted, status changed. */
	public static final String ESERVICES_APPLICATIONS = "bawaba.eservices.applications";

	/** Monthly usage and satisfaction statistics per e-service, for open data. */
	public static final String ESERVICES_STATISTICS = "bawaba.eservices.statistics";

	/** One record per request through the gateway (no personal data), for the usage statistics. */
	public static final String GATEWAY_USAGE = "bawaba.gateway.usage";

	/** Suffix of the dead-letter topic of every topic. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	/** The dead-letter topic of {@code topic}. */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
