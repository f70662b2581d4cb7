package org.bawaba.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notice as its reader sees it, in one language.
 *
 * @param id the notice
 * @param category its category
 * @param type the event type it came from (the latest, when consolidated)
 * @param subject the title
 * @param body the text
 * @param lang {@code en} or {@code ar}
 * @param dir {@code ltr} or {@code rtl}
 * @param link where it leads in the portal
 * @param eventCount how many events it tells of (more than one when consolidated)
 * @param createdAt when it arrived
 * @param updatedAt when it last changed
 * @param read whether the reader marked it read
 * @param broadcast whether it is addressed to an audience rather than to the reader alone
 */
public record NoticeView(UUID id, String category, String type, String subject, String body, String lang, String dir,
		@Nullable String link, int eventCount, Instant createdAt, Instant updatedAt, boolean read, boolean broadcast) {
}
