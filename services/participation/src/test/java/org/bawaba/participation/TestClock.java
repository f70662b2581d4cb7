package org.bawaba.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move forward (never back), so windows, deadlines and months pass without sleeping. */
public final class TestClock extends Clock {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	public Instant advance(Duration duration) {
		return now.updateAndGet(instant -> instant.plus(duration));
	}

	/** Moves to {@code target} if it is later than now. */
	public Instant advanceTo(Instant target) {
		return now.updateAndGet(instant -> target.isAfter(instant) ? target : instant);
	}

}
