package org.bawaba.gateway.ratelimit;

import java.util.Map;

import org.bawaba.gateway.caller.Caller;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bawaba.rate-limit.*}: token buckets in Redis, one per caller and service.
 *
 * @param enabled whether routed requests are limited at all
 * @param keyPrefix the start of every bucket's Redis key, to tell environments sharing a Redis
 * apart
 * @param defaults the limits of every service
 * @param services limits of one service (by its Eureka name), replacing the defaults tier by tier
 */
@ConfigurationProperties("bawaba.rate-limit")
record RateLimitProperties(boolean enabled, String keyPrefix, Limits defaults, Map<String, Limits> services) {

	RateLimitProperties {
		keyPrefix = (keyPrefix == null || keyPrefix.isBlank()) ? "bawaba" : keyPrefix;
		defaults = (defaults != null) ? defaults : new Limits(null, null, null);
		services = (services != null) ? Map.copyOf(services) : Map.of();
	}

	/** The limit of one kind of caller on one service. */
	Limit limit(String service, Caller.Kind kind) {
		Limits own = this.services.get(service);
		Limit limit = (own != null) ? own.of(kind) : null;
		if (limit == null) {
			limit = this.defaults.of(kind);
		}
		return (limit != null) ? limit : Limit.FALLBACK;
	}

	/**
	 * One limit per kind of caller.
	 *
	 * @param anonymous per client IP address
	 * @param signedIn per signed-in subject
	 * @param agency per onboarded agency client; meant to be higher than the others
	 */
	record Limits(Limit anonymous, Limit signedIn, Limit agency) {

		Limit of(Caller.Kind kind) {
			return switch (kind) {
				case ANONYMOUS -> this.anonymous;
				case SIGNED_IN -> this.signedIn;
				case AGENCY_CLIENT -> this.agency;
			};
		}

	}

	/**
	 * A token bucket.
	 *
	 * @param replenishRate requests per second allowed on average
	 * @param burstCapacity requests allowed at once (the bucket's size), at least the rate
	 */
	record Limit(int replenishRate, long burstCapacity) {

		static final Limit FALLBACK = new Limit(10, 20);

		Limit {
			if (replenishRate < 1) {
				throw new IllegalArgumentException("replenish-rate must be at least 1, was " + replenishRate);
			}
			if (burstCapacity < replenishRate) {
				throw new IllegalArgumentException(
						"burst-capacity (" + burstCapacity + ") must be at least replenish-rate (" + replenishRate + ")");
			}
		}

		/**
		 * Whole seconds until an empty bucket holds a token again: 1 / rate, rounded up, so
		 * always one second (HTTP's {@code Retry-After} has no smaller unit).
		 */
		long retryAfterSeconds() {
			return 1;
		}

	}

}
