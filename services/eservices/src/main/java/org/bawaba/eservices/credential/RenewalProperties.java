package org.bawaba.eservices.credential;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.bawaba.contracts.agency.CredentialType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code eservices.renewals.*}: proactive renewal of the citizens' credentials.
 *
 * @param window how long before expiry the "click to renew" notice goes out (whole days)
 * @param cron when the daily job looks for expiring credentials ({@code zone})
 * @param zone the time zone of "today"
 * @param services the catalogue service that renews each credential type
 * @param link the renewal link in the notice, {@code {credentialId}} replaced
 */
@ConfigurationProperties("eservices.renewals")
@Validated
record RenewalProperties(@DefaultValue("60d") @NotNull Duration window,
		@DefaultValue("0 0 6 * * *") @NotBlank String cron, @DefaultValue("Asia/Qatar") @NotNull ZoneId zone,
		@NotNull Map<CredentialType, String> services,
		@DefaultValue("/renewals/{credentialId}") @NotBlank String link) {

	RenewalProperties {
		if (window.toDays() < 1) {
			throw new IllegalArgumentException("eservices.renewals.window must be at least one day");
		}
	}

	int windowDays() {
		return (int) window.toDays();
	}

	String linkOf(java.util.UUID credentialId) {
		return link.replace("{credentialId}", credentialId.toString());
	}

}
