package org.bawaba.gateway.usage;

/** The usage stream's contract, as the contracts module will carry it. */
final class UsageEvents {

	/** The CloudEvents type of a {@link UsageRecord}. */
	static final String TYPE = "org.bawaba.gateway.usage.recorded.v1";

	/** The CloudEvents source: the gateway. */
	static final String SOURCE = "/bawaba/gateway";

	/** The Kafka topic, keyed by service ({@code gateway} for the gateway's own endpoints). */
	static final String TOPIC = "bawaba.gateway.usage";

	/** Where the JSON Schema of the data is published. */
	static final String DATA_SCHEMA = "https://bawaba.org/schemas/org.bawaba.gateway.usage.recorded.v1.json";

	private UsageEvents() {
	}

}
