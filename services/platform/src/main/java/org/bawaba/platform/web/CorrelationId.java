package org.bawaba.platform.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation id of the work in progress: taken from the {@code X-Correlation-Id} header (or generated),
 * kept in the MDC as {@code correlationId}, echoed on responses, put in problem bodies, outgoing HTTP
 * calls and Kafka records.
 */
public final class CorrelationId {

	public static final String HEADER = "X-Correlation-Id";

	public static final String MDC_KEY = "correlationId";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private CorrelationId() {
	}

	/** The current correlation id, if any. */
	public static Optional<String> current() {
		return Optional.ofNullable(MDC.get(MDC_KEY));
	}

	/** {@code candidate} when it is a sane id, otherwise a new one. */
	public static String acceptOrCreate(@Nullable String candidate) {
		if (candidate != null && VALID.matcher(candidate).matches()) {
			return candidate;
		}
		return UUID.randomUUID().toString();
	}

}
