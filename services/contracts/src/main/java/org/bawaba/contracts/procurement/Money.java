package org.bawaba.contracts.procurement;

import java.math.BigDecimal;

/**
 * An amount of money.
 *
 * @param amount the amount
 * @param currency the ISO 4217 currency code
 */
public record Money(BigDecimal amount, String currency) {

}
