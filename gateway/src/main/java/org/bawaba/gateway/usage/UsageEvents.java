package org.bawaba.gateway.usage;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.gateway.UsageRecordedV1;

/** Where the usage stream's contract ({@link UsageRecordedV1}) puts its events. */
final class UsageEvents {

	/** The CloudEvents type of a {@link UsageRecordedV1}. */
	static final String TYPE = UsageRecordedV1.TYPE;

	/** The CloudEvents source: the gateway. */
	static final String SOURCE = "/bawaba/gateway";

	/** The Kafka topic, keyed by service ({@code gateway} for the gateway's own endpoints). */
	static final String TOPIC = Topics.GATEWAY_USAGE;

	/** Where the JSON Schema of the data is published. */
	static final String DATA_SCHEMA = "https://bawaba.org/schemas/org.bawaba.gateway.usage.recorded.v1.json";

	private UsageEvents() {
	}

}
