package org.bawaba.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;

/**
 * Adds the platform's defaults ({@code org/bawaba/platform/defaults.properties}) behind every other
 * property source, so a service's own configuration and the environment always win. In the {@code prod}
 * profile, logs are JSON (ECS) on the console.
 */
class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "bawabaPlatformDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Properties defaults = new Properties();
		try (InputStream in = PlatformDefaults.class.getResourceAsStream("/org/bawaba/platform/defaults.properties")) {
			defaults.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE, defaults));
		if (environment.matchesProfiles("prod")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(SOURCE + "Prod",
						Map.of("logging.structured.format.console", "ecs")));
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
