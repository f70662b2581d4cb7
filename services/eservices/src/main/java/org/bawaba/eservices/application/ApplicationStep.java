package org.bawaba.eservices.application;

import java.time.Instant;

import org.bawaba.eservices.catalogue.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * One agency's step of an integrated application, as the citizen and staff see it.
 *
 * @param step the step's name in the catalogue
 * @param agency the agency that owns it
 * @param title what it is, in both languages
 * @param status where it is
 * @param dueAt when it is overdue without an answer
 * @param reference the agency's reference, once completed
 * @param reason why it failed, in both languages
 * @param updatedAt when the agency answered, or when it became overdue
 */
public record ApplicationStep(String step, String agency, Bilingual title, StepStatus status, Instant dueAt,
		@Nullable String reference, @Nullable Bilingual reason, @Nullable Instant updatedAt) {
}
