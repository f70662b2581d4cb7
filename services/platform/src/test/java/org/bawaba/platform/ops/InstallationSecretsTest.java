package org.bawaba.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.PlaceholderResolutionException;

/** A service refuses to start with a public development secret or without its own client secret, naming the setting. */
class InstallationSecretsTest {

	static StandardEnvironment environment(Map<String, Object> service) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		Map<String, Object> properties = new HashMap<>(Map.of("spring.application.name", "participation"));
		properties.putAll(service);
		environment.getPropertySources().addFirst(new MapPropertySource("service", properties));
		new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	static void check(StandardEnvironment environment) {
		new InstallationSecrets().postProcessEnvironment(environment, new SpringApplication());
	}

	@Test
	void aDevelopmentDefaultInASecretSettingIsRefusedByName() {
		for (String value : new String[] { "local-only-ballot-secret-change-me", "local-dev-only-moi-identity-secret",
				"changeme" }) {
			var environment = environment(Map.of("eureka.client.enabled", "false",
					"participation.polls.receipt-secret", value));
			assertThatThrownBy(() -> check(environment)).isInstanceOf(SettingException.class)
				.hasMessageContaining("participation.polls.receipt-secret")
				.hasMessageContaining("development value");
		}
	}

	@Test
	void aSecretOfThisInstallationPasses() {
		check(environment(Map.of("participation.polls.receipt-secret", "q0Jx3cYq9d3f0bNsZ1kQ2w",
				"BAWABA_CLIENT_SECRET", "mJ1vVYvT8bqfq0m9nX3P8kS2")));
	}

	@Test
	void aServiceThatRegistersNeedsItsOwnClientSecret() {
		var environment = environment(Map.of());
		assertThat(environment.getProperty("eureka.client.service-url.defaultZone"))
			.isEqualTo("http://participation:@localhost:8761/eureka/");
		assertThatThrownBy(() -> check(environment)).isInstanceOf(SettingException.class)
			.hasMessageContaining("BAWABA_CLIENT_SECRET")
			.hasMessageContaining("'participation'");
		var withSecret = environment(Map.of("BAWABA_CLIENT_SECRET", "s3cr3t-of-this-installation"));
		check(withSecret);
		assertThat(withSecret.getProperty("eureka.client.service-url.defaultZone"))
			.isEqualTo("http://participation:s3cr3t-of-this-installation@localhost:8761/eureka/");
		assertThat(withSecret.getProperty("spring.security.oauth2.client.registration.bawaba.client-secret"))
			.isEqualTo("s3cr3t-of-this-installation");
		// a service that does not register (tests, a batch job) needs none
		check(environment(Map.of("eureka.client.enabled", "false")));
	}

	@Test
	void aStartThatFailsOnASettingSaysWhichInOneLine() {
		FailureAnalysis insecure = new SettingFailureAnalyzer()
			.analyze(new IllegalStateException(new SettingException("PAYMENT_CALLBACK_SECRET", "is not set", "Set it.")));
		assertThat(insecure.getDescription()).isEqualTo("Bawaba cannot start: the setting PAYMENT_CALLBACK_SECRET is not set.");

		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.application.name", "probe", "eureka.client.enabled", "false", "needs", "${SOME_SECRET_NOBODY_SET}"));
		Throwable failure = null;
		try (var context = application.run("--spring.main.banner-mode=off")) {
			context.getEnvironment().getRequiredProperty("needs");
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		assertThat(failure).isInstanceOf(PlaceholderResolutionException.class);
		FailureAnalysis missing = new SettingFailureAnalyzer().analyze(failure);
		assertThat(missing.getDescription()).isEqualTo("Bawaba cannot start: the setting SOME_SECRET_NOBODY_SET is not set.");
		assertThat(missing.getAction()).contains("./bawaba run");
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
