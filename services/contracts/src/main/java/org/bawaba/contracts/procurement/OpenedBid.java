package org.bawaba.contracts.procurement;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One bid as read out at the bid opening. Suppliers are businesses; their names are public.
 *
 * @param bidId the bid
 * @param supplierId the supplier's id in procurement
 * @param supplierName the supplier's (English) business name
 * @param amount the price offered
 * @param currency the ISO 4217 currency code of the price
 */
public record OpenedBid(UUID bidId, UUID supplierId, String supplierName, BigDecimal amount, String currency) {

}
