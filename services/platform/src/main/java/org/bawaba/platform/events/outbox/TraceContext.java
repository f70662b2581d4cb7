package org.bawaba.platform.events.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/** The W3C {@code traceparent} of the current span, stored with an event so its trace carries on in Kafka. */
class TraceContext {

	private final ObjectProvider<Tracer> tracer;

	TraceContext(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Nullable String traceparent() {
		Tracer current = tracer.getIfAvailable();
		Span span = current != null ? current.currentSpan() : null;
		if (span == null) {
			return null;
		}
		var context = span.context();
		Boolean sampled = context.sampled();
		return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(sampled) ? "01" : "00");
	}

}
