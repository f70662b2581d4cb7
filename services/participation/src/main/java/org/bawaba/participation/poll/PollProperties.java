package org.bawaba.participation.poll;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code participation.polls.*}.
 * @param receiptSecret the HMAC key of ballot receipts, kept outside the database
 * @param minimumSuppressionThreshold results with fewer ballots are never shown; a poll may not ask for less
 * @param defaultSuppressionThreshold the threshold of a poll that does not name one
 */
@ConfigurationProperties("participation.polls")
@Validated
record PollProperties(@NotBlank @Size(min = 16) String receiptSecret,
		@DefaultValue("3") @Min(0) int minimumSuppressionThreshold,
		@DefaultValue("5") @Min(0) int defaultSuppressionThreshold) {
}
