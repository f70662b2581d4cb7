package org.bawaba.eservices.catalogue;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One agency's part of an integrated (level 4) service: asked for by an event when the citizen submits,
 * answered by the agency's own service.
 *
 * @param step the step's name, unique in the service, e.g. {@code birth-certificate}
 * @param agency the agency that owns it (its code, a known agency)
 * @param title what the citizen sees, in both languages
 * @param deadline how long the agency has after submission (ISO 8601, e.g. {@code P2D}); then it is overdue
 */
public record ServiceStep(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String step,
		@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}") String agency, @NotNull @Valid Bilingual title,
		@NotNull Duration deadline) {
}
