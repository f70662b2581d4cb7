package org.bawaba.auth.system;

import java.util.List;

/**
 * What an outside system needs to connect, answered once when its client is created.
 *
 * @param clientSecret the client's secret: shown now and never again
 * @param consumerGroupPrefix its consumer groups' names must start with this
 */
record SystemAccess(String clientId, String clientSecret, String tokenUrl, String bootstrapServers,
		String consumerGroupPrefix, List<String> topics) {
}
