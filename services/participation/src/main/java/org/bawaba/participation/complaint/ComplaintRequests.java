package org.bawaba.participation.complaint;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.participation.ComplaintKind;
import org.jspecify.annotations.Nullable;

final class ComplaintRequests {

	private ComplaintRequests() {
	}

	/**
	 * A complaint or suggestion (citizens).
	 * @param serviceCode an e-service of the agency (its catalogue code starts with the agency's code)
	 */
	record NewComplaint(@NotNull ComplaintKind kind, @NotBlank @Size(max = 40) String agency,
			@Nullable @Pattern(regexp = "[a-z0-9-]{2,80}") String serviceCode, @NotBlank @Size(max = 200) String subject,
			@NotBlank @Size(max = 10000) String description,
			@Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude, @Nullable @Size(max = 500) String address) {
	}

	/** A message the citizen reads (a reply, a resolution, a reason to reopen). */
	record Message(@NotBlank @Size(max = 10000) String message) {
	}

	/** Whom to assign to: a staff member's username or subject. */
	record Assignment(@NotBlank @Size(max = 200) String assignee, @Nullable @Size(max = 2000) String note) {
	}

	record Note(@Nullable @Size(max = 2000) String note) {
	}

}
