package org.bawaba.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception that reaches the WebFlux error handling into a problem detail: unknown
 * routes, unsupported methods, too large bodies, services that are down or slow, and anything
 * unexpected. Runs before Boot's default handler (order -1); never writes a stack trace.
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
		return this.problems.write(exchange, status, detail(exchange, status, ex));
	}

	/** The detail of a 503 when authentication could not be performed at all. */
	static final String SIGN_ON_UNAVAILABLE = "The Bawaba sign-on is unavailable right now; try again later.";

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
			MergedAnnotation<ResponseStatus> annotation = MergedAnnotations.from(t.getClass())
				.get(ResponseStatus.class);
			if (annotation.isPresent()) {
				return annotation.getValue("code", HttpStatus.class).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	static String detail(ServerWebExchange exchange, HttpStatusCode status, Throwable ex) {
		String service = RoutedService.of(exchange).map(name -> "The service '" + name + "'").orElse("A service");
		return switch (status.value()) {
			case 401 -> "Authentication is required to access this resource.";
			case 403 -> "You are not allowed to access this resource.";
			case 404 -> "Nothing is published at " + exchange.getRequest().getPath().value() + ".";
			case 405 -> "Method " + exchange.getRequest().getMethod().name() + " is not supported at "
					+ exchange.getRequest().getPath().value() + ".";
			case 413 -> "The request body is too large.";
			case 502 -> service + " failed to answer properly.";
			case 503 -> (ex instanceof AuthenticationServiceException) ? SIGN_ON_UNAVAILABLE
					: service + " is unavailable right now; try again later.";
			case 504 -> service + " did not answer in time.";
			default -> {
				if (status.is4xxClientError() && ex instanceof ResponseStatusException rse && rse.getReason() != null
						&& !(ex instanceof MethodNotAllowedException)) {
					yield rse.getReason();
				}
				yield status.is4xxClientError() ? "The request cannot be processed."
						: "The gateway failed to handle the request.";
			}
		};
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
