package org.bawaba.eservices.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.bawaba.contracts.agency.CredentialType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The window is configuration: bound from {@code eservices.renewals.*}, with defaults, and decides the state. */
class RenewalPropertiesTest {

	@Test
	void theWindowAndTheServicesAreBoundWithDefaults() {
		RenewalProperties defaults = bind(Map.of("eservices.renewals.services.ID_CARD", "moi-id"));
		assertThat(defaults.windowDays()).isEqualTo(60);
		assertThat(defaults.cron()).isEqualTo("0 0 6 * * *");
		assertThat(defaults.services()).containsEntry(CredentialType.ID_CARD, "moi-id");
		UUID id = UUID.randomUUID();
		assertThat(defaults.linkOf(id)).isEqualTo("/renewals/" + id);

		RenewalProperties ten = bind(Map.of("eservices.renewals.window", "10d",
				"eservices.renewals.services.RESIDENCE_PERMIT", "moi-rp", "eservices.renewals.link", "/r/{credentialId}"));
		assertThat(ten.windowDays()).isEqualTo(10);
		assertThat(ten.linkOf(id)).isEqualTo("/r/" + id);
		assertThatThrownBy(() -> bind(Map.of("eservices.renewals.window", "0d", "eservices.renewals.services.ID_CARD", "x")))
			.hasStackTraceContaining("at least one day");
	}

	@Test
	void theStateFollowsTheWindow() {
		LocalDate today = LocalDate.of(2026, 11, 23);
		Credential credential = new Credential(UUID.randomUUID(), "moi", "sub", CredentialType.ID_CARD,
				today.minusYears(5), today.plusDays(10), null, null, null, "VALID");
		assertThat(credential.withState(today, 10).state()).isEqualTo("EXPIRING");
		assertThat(credential.withState(today, 9).state()).isEqualTo("VALID");
		assertThat(credential.withState(today.plusDays(11), 9).state()).isEqualTo("EXPIRED");
	}

	private static RenewalProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("eservices.renewals",
				RenewalProperties.class);
	}

}
