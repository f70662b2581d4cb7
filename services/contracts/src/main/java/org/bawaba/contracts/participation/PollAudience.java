package org.bawaba.contracts.participation;

/**
 * Who may vote in a poll: every signed-in citizen, or only nationals or only residents (told apart by the
 * country code in digits 4-6 of the {@code national_id} claim: 634 is a national).
 */
public enum PollAudience {

	ALL, NATIONALS, RESIDENTS

}
