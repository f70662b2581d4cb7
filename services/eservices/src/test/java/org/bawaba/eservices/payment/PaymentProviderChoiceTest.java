package org.bawaba.eservices.payment;

import java.util.Map;

import org.bawaba.platform.ops.SettingException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secure by default: the installation's real provider unless a local run asks for the simulator. */
class PaymentProviderChoiceTest {

	private static PaymentProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bind("eservices.payments", PaymentProperties.class).get();
	}

	@Test
	void theDefaultProviderIsTheRealOneNotTheSimulator() {
		PaymentProperties properties = bind(Map.of("eservices.payments.callback-secret", "0123456789abcdef0123"));
		assertThat(properties.provider()).isEqualTo("http");
	}

	@Test
	void theRealProviderWithoutItsAddressRefusesToStartNamingTheSetting() {
		PaymentProperties properties = bind(Map.of("eservices.payments.callback-secret", "0123456789abcdef0123"));
		assertThatThrownBy(() -> new HttpPaymentProvider(RestClient.builder(), properties))
			.isInstanceOf(SettingException.class)
			.hasMessageContaining("ESERVICES_PAYMENTS_BASE_URL")
			.hasMessageContaining("simulated");
	}

	@Test
	void withItsAddressTheRealProviderStarts() {
		PaymentProperties properties = bind(Map.of("eservices.payments.callback-secret", "0123456789abcdef0123",
				"eservices.payments.base-url", "https://payments.example/api"));
		assertThat(new HttpPaymentProvider(RestClient.builder(), properties)).isNotNull();
	}

}
