package org.bawaba.agencies.ewa.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An electricity or water account.
 *
 * @param id the account
 * @param citizen the holder's Keycloak subject
 * @param number the account number the holder quotes
 * @param type electricity or water
 * @param address the address it serves
 * @param phone the holder's phone for outage messages (from tell-us-once; may be null)
 * @param openedAt when it was opened
 * @param updatedAt when its address or phone last changed
 */
record Account(UUID id, String citizen, String number, Type type, Address address, String phone, Instant openedAt,
		Instant updatedAt) {

	enum Type {
		ELECTRICITY, WATER
	}

}
