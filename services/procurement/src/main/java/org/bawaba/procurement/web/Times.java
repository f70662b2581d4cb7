package org.bawaba.procurement.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants at the precision the service stores, signs and compares (milliseconds). */
public final class Times {

	private Times() {
	}

	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
