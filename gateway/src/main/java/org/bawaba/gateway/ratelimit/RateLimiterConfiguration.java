package org.bawaba.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's Redis rate limiter, with its token-bucket script read once at start-up.
 * <p>
 * The gateway's own {@code redisRequestRateLimiter} script is a {@code ResourceScriptSource} on a
 * class-path resource: before every {@code EVALSHA} it asks whether the script file changed, which
 * from inside the executable jar means a class-loader lookup, opening a nested-jar URL connection
 * and throwing (and catching) a {@code FileNotFoundException} — on the event loop, for every routed
 * request (about 6 % of the gateway's CPU under load, and 300 exceptions a second). The same script
 * held as text is hashed once and never re-read.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

	/** Where Spring Cloud Gateway keeps the script, in its own jar. */
	static final String SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configurationService) {
		RedisScript<List<Long>> script = (RedisScript) RedisScript.of(read(SCRIPT), List.class);
		return new RedisRateLimiter(redis, script, configurationService);
	}

	private static String read(String location) {
		try {
			return new ClassPathResource(location, RedisRateLimiter.class.getClassLoader())
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The rate limiter's script " + location + " cannot be read", ex);
		}
	}

}
