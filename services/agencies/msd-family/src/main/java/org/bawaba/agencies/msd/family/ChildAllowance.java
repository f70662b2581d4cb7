package org.bawaba.agencies.msd.family;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A child allowance granted for a newborn application.
 *
 * @param applicationId the integrated application that asked for it
 * @param parent the applying parent's Keycloak subject
 * @param reference the allowance's reference, reported to the platform
 * @param monthlyAmount QAR per month
 */
record ChildAllowance(UUID id, UUID applicationId, String parent, String reference, BigDecimal monthlyAmount,
		Instant grantedAt) {
}
