package org.bawaba.eservices.application;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.eservices.catalogue.Fee;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An application as its applicant and the agency's staff see it.
 *
 * @param reference the reference number quoted to the citizen, e.g. {@code ES-2026-000042}
 * @param paymentRequired whether the fee is paid online before review (levels 3-4 with a fee)
 * @param paid whether the fee is paid
 * @param ratingInvited whether the citizen is invited to rate the service (completed, not rated yet)
 */
public record Application(UUID id, String reference, String serviceCode, String agency, String citizenSubject,
		ApplicationStatus status, JsonNode formData, Fee fee, boolean paymentRequired, boolean paid,
		@Nullable String assignee, Instant createdAt, @Nullable Instant submittedAt, @Nullable Instant completedAt,
		boolean ratingInvited) {
}
