package org.bawaba.auth.system;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bawaba.auth.agency.Bilingual;

/**
 * What an outside system may do on the platform's Kafka: read these public topics. Sent whole, each time:
 * onboarding converges its access to it.
 *
 * @param name the system's name in English and Arabic (who runs it)
 * @param topics the public topics it reads ({@code org.bawaba.contracts.Topics#PUBLIC})
 */
record SystemRequest(@NotNull @Valid Bilingual name,
		@NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9.-]{1,99}") String> topics) {

	/** A system's id: lower-case letters, digits and hyphens; its client and principal are {@code system-<id>}. */
	static final String ID = "[a-z][a-z0-9-]{2,39}";

}
