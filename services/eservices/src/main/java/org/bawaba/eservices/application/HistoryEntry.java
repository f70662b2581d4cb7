package org.bawaba.eservices.application;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of an application's history: who moved it from where to where, and why. */
record HistoryEntry(@Nullable ApplicationStatus from, ApplicationStatus to, String action, String actor,
		@Nullable String note, Instant at) {
}
