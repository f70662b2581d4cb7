package org.bawaba.eservices.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A service in the catalogue, as read back. */
public record EService(UUID id, String code, String agency, Bilingual title, Bilingual description, String category,
		@Nullable String lifeEvent, int level, List<RequiredDocument> requiredDocuments, Fee fee,
		@Nullable Integer processingDays, List<String> channels, @Nullable JsonNode form, ServiceStatus status,
		Instant updatedAt,
		// --- newborn ---
		List<ServiceStep> steps
		// --- end newborn ---
		) {

	// --- newborn ---
	/** An integrated service: its agencies' steps, not staff, move its applications. */
	public boolean integrated() {
		return !steps.isEmpty();
	}
	// --- end newborn ---

	/** Level 3 and 4 services are paid online before review; level 2 fees are paid at the office. */
	public boolean requiresOnlinePayment() {
		return level >= 3 && !fee.isFree();
	}

	/** Levels 2 to 4 take applications online. */
	public boolean acceptsApplications() {
		return level >= 2 && status == ServiceStatus.PUBLISHED;
	}

}
