package org.bawaba.agencies.moph.births;

import java.time.Instant;
import java.util.UUID;

/**
 * A birth certificate issued for a newborn application.
 *
 * @param applicationId the integrated application that asked for it
 * @param parent the applying parent's Keycloak subject
 * @param reference the certificate's reference, e.g. {@code MOPH-BC-2026-000001}
 */
record BirthCertificate(UUID id, UUID applicationId, String parent, String reference, Instant issuedAt) {
}
