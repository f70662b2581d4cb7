package org.bawaba.agencies.moi.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A child's national number, registered for a newborn application.
 *
 * @param applicationId the integrated application that asked for it
 * @param parent the applying parent's Keycloak subject
 * @param number the child's national number (stays in the ministry's service)
 * @param reference the registration's reference, reported to the platform
 */
record NationalNumber(UUID id, UUID applicationId, String parent, String number, String reference,
		Instant registeredAt) {
}
