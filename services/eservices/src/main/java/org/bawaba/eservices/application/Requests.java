package org.bawaba.eservices.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request bodies of the applications API. */
final class Requests {

	private Requests() {
	}

	/**
	 * A new application.
	 * @param serviceCode the service applied for
	 * @param formData the form, validated against the service's JSON Schema on submission
	 * @param submit submit at once (the form must then be complete), instead of keeping a draft
	 */
	record NewApplication(@NotBlank @Size(max = 64) String serviceCode, @Nullable JsonNode formData, @Nullable Boolean submit) {
	}

	/** The form of a draft. */
	record FormData(@jakarta.validation.constraints.NotNull JsonNode formData) {
	}

	/** A message: the agency's question, the reason of a rejection. */
	record Note(@NotBlank @Size(max = 2000) String message) {
	}

	/** The citizen's answer to a request for information, with a corrected form if asked for. */
	record Answer(@NotBlank @Size(max = 2000) String message, @Nullable JsonNode formData) {
	}

	/** Whom to assign; none assigns the caller. */
	record Assignment(@Nullable @Size(max = 100) String assignee) {
	}

}
