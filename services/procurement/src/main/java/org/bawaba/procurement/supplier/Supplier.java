package org.bawaba.procurement.supplier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.procurement.web.Text;

/**
 * A supplier's profile, as its members and agencies see it.
 *
 * @param id the supplier's id
 * @param registrationNumber the commercial registration number
 * @param name the business name in English and Arabic
 * @param sells the categories it sells
 * @param subscriptions the categories whose new tenders it wants to hear about
 * @param contact how to reach it
 * @param members the subjects of the users acting for it
 */
public record Supplier(UUID id, String registrationNumber, Text name, List<String> sells, List<String> subscriptions,
		Contact contact, List<String> members, Instant createdAt, Instant updatedAt) {

	/** Contact details; they stay in this service (never in events). */
	public record Contact(String email, String phone, String person) {
	}

}
