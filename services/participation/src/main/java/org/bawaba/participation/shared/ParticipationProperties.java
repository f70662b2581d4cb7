package org.bawaba.participation.shared;

import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.bawaba.contracts.participation.Text;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code participation.*}: what every feature shares.
 * @param zone the zone in which months and years are counted
 * @param agencies the agencies citizens may file against, by code, with their names
 */
@ConfigurationProperties("participation")
@Validated
public record ParticipationProperties(@NotNull ZoneId zone, @NotEmpty Map<String, Text> agencies) {

	public boolean knows(String agency) {
		return agencies.containsKey(agency);
	}

}
