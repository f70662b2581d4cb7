package org.bawaba.participation.poll;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code participation.polls.*}.
 * @param minimumSuppressionThreshold results with fewer ballots are never shown; a poll may not ask for less
 * @param defaultSuppressionThreshold the threshold of a poll that does not name one
 */
@ConfigurationProperties("participation.polls")
@Validated
record PollProperties(@DefaultValue("3") @Min(0) int minimumSuppressionThreshold,
		@DefaultValue("5") @Min(0) int defaultSuppressionThreshold) {
}
