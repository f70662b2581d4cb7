package org.bawaba.procurement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: starts at the real time, moved forward by tests to cross deadlines. */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	/** Moves the clock to {@code instant}; never backwards, so other tests' tenders keep their state. */
	public void set(Instant instant) {
		if (instant.isBefore(now.get())) {
			throw new IllegalArgumentException("The test clock only moves forward: " + instant + " < " + now.get());
		}
		now.set(instant);
	}

	public void advance(Duration duration) {
		now.updateAndGet(current -> current.plus(duration));
	}

}
