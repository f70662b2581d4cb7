package org.bawaba.agencies.msd.family;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code msd.family.*}.
 *
 * @param allowanceInterval one new child allowance per family within this interval; a second is refused
 * @param monthlyAmount the allowance per child and month, in QAR
 */
@ConfigurationProperties("msd.family")
record FamilyProperties(@DefaultValue("P270D") Duration allowanceInterval, @DefaultValue("300") BigDecimal monthlyAmount) {
}
