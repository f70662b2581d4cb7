package org.bawaba.platform.steps;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link StepHandler} decided: done (with the agency's reference), failed (with a reason the
 * citizen reads, in English and Arabic), or to be reported later through {@link StepResults}.
 */
public record StepOutcome(Kind kind, @Nullable String reference, @Nullable String reasonEn,
		@Nullable String reasonAr) {

	public enum Kind {
		COMPLETED, FAILED, LATER
	}

	public StepOutcome {
		if (kind == Kind.COMPLETED && (reference == null || reference.isBlank())) {
			throw new IllegalArgumentException("A completed step needs the agency's reference");
		}
		if (kind == Kind.FAILED && (reasonEn == null || reasonEn.isBlank() || reasonAr == null || reasonAr.isBlank())) {
			throw new IllegalArgumentException("A failed step needs its reason in English and Arabic");
		}
	}

	/** Done; {@code reference} is what the citizen may quote (a certificate or case number). */
	public static StepOutcome completed(String reference) {
		return new StepOutcome(Kind.COMPLETED, reference, null, null);
	}

	/** Refused or impossible, with the reason in English and in Arabic. */
	public static StepOutcome failed(String reasonEn, String reasonAr) {
		return new StepOutcome(Kind.FAILED, null, reasonEn, reasonAr);
	}

	/** Accepted; the result follows through {@link StepResults}. */
	public static StepOutcome later() {
		return new StepOutcome(Kind.LATER, null, null, null);
	}

}
