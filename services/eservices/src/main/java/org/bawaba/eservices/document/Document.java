package org.bawaba.eservices.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A document attached to an application.
 * @param mediaType the type detected from the content
 * @param sha256 hex SHA-256 of the stored bytes
 */
record Document(UUID id, UUID applicationId, String type, String filename, String mediaType, long size, String sha256,
		Instant uploadedAt) {
}
