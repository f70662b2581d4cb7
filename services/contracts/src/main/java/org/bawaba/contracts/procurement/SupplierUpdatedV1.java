package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A supplier registered, changed its profile or its category subscriptions. Suppliers are businesses;
 * their names are public. Contact details stay in the service.
 *
 * @param supplierId the supplier's id in procurement
 * @param name the business name in English
 * @param nameAr the business name in Arabic
 * @param categories the categories it subscribed to: whose new tenders it wants to hear about
 * @param sells the categories it sells (its profile)
 * @param members the pseudonymous subject (Keycloak {@code sub}) of each user acting for it
 * @param updatedAt when
 */
@EventType(value = SupplierUpdatedV1.TYPE, topic = Topics.PROCUREMENT_SUPPLIERS)
public record SupplierUpdatedV1(UUID supplierId, String name, String nameAr, List<String> categories,
		List<String> sells, List<String> members, Instant updatedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.supplier.updated.v1";

	public SupplierUpdatedV1 {
		categories = List.copyOf(categories);
		sells = List.copyOf(sells);
		members = List.copyOf(members);
	}

	@Override
	public String entityId() {
		return supplierId.toString();
	}

}
