package org.bawaba.gateway.problem;

import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.lettuce.core.RedisException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bawaba.gateway.routing.RoutedService;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception that reaches the WebFlux error handling into a problem detail in the
 * caller's language: unknown routes, unsupported methods, too large bodies, unreadable headers,
 * services that are down or slow, and anything unexpected. Runs before Boot's default handler
 * (order -1); never writes a stack trace.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemErrorHandler.class);

	private final ProblemResponses problems;

	ProblemErrorHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status = status(ex);
		if (ex instanceof ResponseStatusException rse) {
			exchange.getResponse().getHeaders().addAll(rse.getHeaders());
		}
		log(exchange, status, ex);
		Optional<String> service = RoutedService.of(exchange);
		ProblemType type = type(status, ex, service.isPresent());
		return switch (type) {
			case METHOD_NOT_ALLOWED -> this.problems.write(exchange, type, exchange.getRequest().getMethod().name());
			case SERVICE_FAILED, SERVICE_DOWN, SERVICE_TIMEOUT -> this.problems.write(exchange, type, service.get());
			default -> this.problems.write(exchange, status, type);
		};
	}

	static HttpStatusCode status(Throwable ex) {
		if (ex instanceof AuthenticationServiceException) {
			// authentication could not be performed at all, e.g. the sign-on's keys cannot be fetched
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (ex instanceof AuthenticationException) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (ex instanceof AccessDeniedException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof ResponseStatusException rse) {
			return rse.getStatusCode();
		}
		if (redisFailure(ex)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CallNotPermittedException || t instanceof ConnectException
					|| t instanceof ConnectTimeoutException) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			if (t instanceof TimeoutException || t instanceof ReadTimeoutException) {
				return HttpStatus.GATEWAY_TIMEOUT;
			}
			if (t instanceof PrematureCloseException) {
				return HttpStatus.BAD_GATEWAY;
			}
			if (t instanceof DataBufferLimitException) {
				return HttpStatus.CONTENT_TOO_LARGE;
			}
			if (t instanceof InvalidMediaTypeException) {
				// a media type header the caller sent cannot be parsed (Content-Type is checked earlier)
				return HttpStatus.BAD_REQUEST;
			}
			MergedAnnotation<ResponseStatus> annotation = MergedAnnotations.from(t.getClass())
				.get(ResponseStatus.class);
			if (annotation.isPresent()) {
				return annotation.getValue("code", HttpStatus.class).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** The problem of a status; for a routed request, one that names its service. */
	static ProblemType type(HttpStatusCode status, Throwable ex, boolean routed) {
		return switch (status.value()) {
			case 400 -> causedBy(ex, InvalidMediaTypeException.class) ? ProblemType.INVALID_ACCEPT
					: ProblemType.BAD_REQUEST;
			case 401 -> ProblemType.UNAUTHORIZED;
			case 403 -> ProblemType.FORBIDDEN;
			case 404 -> ProblemType.NOT_FOUND;
			case 405 -> ProblemType.METHOD_NOT_ALLOWED;
			case 406 -> ProblemType.NOT_ACCEPTABLE;
			case 413 -> ProblemType.BODY_TOO_LARGE;
			case 414 -> ProblemType.URI_TOO_LONG;
			case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			case 431 -> ProblemType.HEADERS_TOO_LARGE;
			case 502 -> routed ? ProblemType.SERVICE_FAILED : ProblemType.BAD_GATEWAY;
			case 503 -> (ex instanceof AuthenticationServiceException) ? ProblemType.SIGN_ON_UNAVAILABLE
					: redisFailure(ex) ? ProblemType.SESSIONS_UNAVAILABLE
					: routed ? ProblemType.SERVICE_DOWN : ProblemType.SERVICE_UNAVAILABLE;
			case 504 -> routed ? ProblemType.SERVICE_TIMEOUT : ProblemType.GATEWAY_TIMEOUT;
			default -> status.is4xxClientError() ? ProblemType.CLIENT_ERROR : ProblemType.INTERNAL_ERROR;
		};
	}

	/**
	 * Redis could not be reached or did not answer in time ({@code spring.data.redis.timeout}). The rate limiter
	 * lets requests through when that happens; what fails is reading or saving a browser's session.
	 */
	private static boolean redisFailure(Throwable ex) {
		return causedBy(ex, RedisConnectionFailureException.class) || causedBy(ex, QueryTimeoutException.class)
				|| causedBy(ex, RedisException.class);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> kind) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (kind.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static void log(ServerWebExchange exchange, HttpStatusCode status, Throwable ex) {
		if (!status.is5xxServerError()) {
			return;
		}
		String request = exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
		if (status.value() == 500) {
			logger.error("Unexpected failure on " + request, ex);
		}
		else {
			logger.warn(status.value() + " on " + request + ": " + ex);
		}
	}

}
