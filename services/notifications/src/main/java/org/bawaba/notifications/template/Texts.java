package org.bawaba.notifications.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A template's texts in one language. Placeholders {@code {{field}}} name fields of the event's data
 * ({@code {{value.amount}}} for nested ones; a bilingual {@code {"en","ar"}} value is read in the
 * notice's language; upper-case codes such as {@code APPROVED} are shown by their label in
 * {@code messages*.properties}, {@code value.APPROVED}).
 *
 * @param subject the title (e-mail subject)
 * @param body the text
 * @param summarySubject the title of a consolidated notice ({@code {{count}}} events), optional
 * @param summaryBody its text; {@code {{items}}} lists each event's {@code item}, one per line
 * @param item one event's line in a consolidated notice
 */
public record Texts(@NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 4000) String body,
		@Nullable @Size(max = 200) String summarySubject, @Nullable @Size(max = 4000) String summaryBody,
		@Nullable @Size(max = 500) String item) {

	public boolean hasSummary() {
		return summarySubject != null && !summarySubject.isBlank() && summaryBody != null && !summaryBody.isBlank();
	}

}
