package org.bawaba.notifications.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * A system's webhook subscription.
 *
 * @param id the subscription
 * @param owner the subscribing client's subject (its service account)
 * @param url the HTTPS endpoint
 * @param types the event types delivered
 * @param secret the signing key (shown once, when created)
 * @param description the owner's note
 * @param status ACTIVE or PAUSED (after repeated failures; resume to continue)
 * @param consecutiveFailures failed attempts since the last success
 * @param pausedAt when it was paused
 * @param createdAt when it was created
 */
public record Subscription(UUID id, @JsonIgnore String owner, String url, List<String> types,
		@JsonIgnore String secret, @Nullable String description, String status, int consecutiveFailures,
		@Nullable Instant pausedAt, Instant createdAt) {
}
