package org.bawaba.notifications.delivery;

import org.jspecify.annotations.Nullable;

/** What one attempt of a delivery came to. */
sealed interface Outcome {

	/** The provider accepted it; {@code reference} is its id for the message. */
	record Sent(@Nullable String reference) implements Outcome {
	}

	/** The channel is not configured here (no SMTP host, no SMS provider): recorded, not retried. */
	record NotConfigured() implements Outcome {
	}

	/** The person has no address for the channel: recorded, not retried. */
	record NoContact() implements Outcome {
	}

	/** It failed; {@code permanent} failures are not retried. */
	record Failed(String error, boolean permanent) implements Outcome {
	}

}
