package org.bawaba.platform.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A service refuses to start insecurely, and says why in one line naming the setting:
 * <ul>
 * <li>with a known development value in any secret setting (a name ending in {@code secret},
 * {@code password}, {@code kek}, {@code key}…): such values were once defaults in this repository,
 * so they are known to everyone;</li>
 * <li>without its own client secret ({@code BAWABA_CLIENT_SECRET}) while it registers in the registry,
 * which admits nobody without one.</li>
 * </ul>
 * Secrets have no defaults: {@code ./bawaba run} generates each once per installation; a cluster takes them
 * from its secret store.
 */
class InstallationSecrets implements EnvironmentPostProcessor, Ordered {

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(secret|password|passphrase|kek|private-key|signing-key|receipt-key|api-key)$");

	/** Values that were, or look like, defaults committed to a repository. */
	static final Pattern DEVELOPMENT_VALUE = Pattern
		.compile("(?i).*(local-dev-only|local-only|change-?me|changeit|dev-secret|default-secret).*");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		for (String name : secretNames(environment)) {
			String value;
			try {
				value = environment.getProperty(name);
			}
			catch (IllegalArgumentException unresolved) {
				continue;
			}
			if (value != null && DEVELOPMENT_VALUE.matcher(value).matches()) {
				throw new SettingException(name, "holds a development value that is public in Bawaba's repository",
						"Set it to a secret of this installation (./bawaba run generates every secret once, under .bawaba/; "
								+ "a cluster takes them from its secret store).");
			}
		}
		boolean registers = environment.getProperty("eureka.client.enabled", Boolean.class, true);
		String secret = resolved(environment, "bawaba.credentials.client-secret");
		String zone = resolved(environment, "eureka.client.service-url.defaultZone");
		if (registers && secret.isBlank() && zone.contains(":@")) {
			throw new SettingException("BAWABA_CLIENT_SECRET (bawaba.credentials.client-secret)",
					"is not set: it is this service's Keycloak client secret (client '"
							+ environment.getProperty("bawaba.credentials.client-id") + "'), which the registry asks for",
					"./bawaba run sets it; elsewhere set it from the secret store (an agency's service is shown its "
							+ "secret once, when the platform onboards it).");
		}
	}

	/** The setting's value, or empty when it is unset or refers to something unset (reported elsewhere). */
	private static String resolved(ConfigurableEnvironment environment, String name) {
		try {
			return environment.getProperty(name, "");
		}
		catch (IllegalArgumentException unresolved) {
			return "";
		}
	}

	private static List<String> secretNames(ConfigurableEnvironment environment) {
		List<String> names = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (SECRET_NAME.matcher(name).matches() && !names.contains(name)) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

	@Override
	public int getOrder() {
		// after the platform's defaults are in place
		return new PlatformDefaults().getOrder() + 1;
	}

}
