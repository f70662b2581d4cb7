package org.bawaba.eservices.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A payment of an application's fee. */
record Payment(UUID id, UUID applicationId, BigDecimal amount, String currency, Status status, URI redirectUrl,
		@Nullable String failureReason, Instant createdAt, @Nullable Instant completedAt) {

	enum Status {
		PENDING, PAID, FAILED
	}

}
