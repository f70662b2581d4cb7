package org.bawaba.gateway.hardening;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;

/**
 * No actuator endpoint is reachable from outside except the gateway's own health and info: any
 * request whose path has a segment {@code actuator} — after percent-decoding (repeatedly), dropping
 * {@code ;} path parameters, empty segments and dot segments, in any case — is answered 404 before
 * it is routed, whichever route it would take (a platform service's, an agency's, the portal's).
 * So {@code /api/eservices/actuator/prometheus}, {@code /api/eservices/%61ctuator/env},
 * {@code /api/eservices//Actuator;x=y/health} and {@code /x/../actuator/env} all answer 404, and
 * metrics are scraped where operators scrape them, on the services' own ports.
 */
final class ActuatorPaths implements WebFilter, Ordered {

	/** The gateway's own public endpoints, written plainly (no encoding, dots or parameters). */
	private static final Pattern GATEWAY_OWN = Pattern.compile("/actuator/(health(/[a-z]+)?|info)");

	private final ProblemResponses problems;

	ActuatorPaths(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		// after SecurityHeaders, so that the 404 carries them too
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getURI().getRawPath();
		if (isActuator(path) && !GATEWAY_OWN.matcher(path).matches()) {
			return this.problems.write(exchange, ProblemType.NOT_FOUND);
		}
		return chain.filter(exchange);
	}

	/** Whether any segment of the path, read as liberally as any server would, is {@code actuator}. */
	static boolean isActuator(String rawPath) {
		if (rawPath == null) {
			return false;
		}
		String path = rawPath;
		for (int i = 0; i < 4 && path.indexOf('%') >= 0; i++) {
			try {
				path = UriUtils.decode(path, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException notEncoded) {
				break;
			}
		}
		for (String segment : path.replace('\\', '/').split("/")) {
			int parameters = segment.indexOf(';');
			String name = (parameters >= 0) ? segment.substring(0, parameters) : segment;
			if (name.strip().toLowerCase(Locale.ROOT).equals("actuator")) {
				return true;
			}
		}
		return false;
	}

}
