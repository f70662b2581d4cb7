package org.bawaba.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which status each failure becomes, and what the body of an unexpected failure reveals.
 */
class ProblemErrorHandlerTest {

	private final ProblemErrorHandler handler = new ProblemErrorHandler(
			new ProblemResponses(JsonMapper.builder().build()));

	@Test
	void downstreamFailuresMapToGatewayStatuses() {
		assertThat(ProblemErrorHandler.status(new ConnectException("Connection refused")))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(ProblemErrorHandler.status(CallNotPermittedException
			.createCallNotPermittedException(CircuitBreaker.ofDefaults("opendata"))))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(ProblemErrorHandler.status(new ServiceUnavailableException()))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(ProblemErrorHandler.status(new IllegalStateException(new TimeoutException())))
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(ProblemErrorHandler.status(new DataBufferLimitException("too big")))
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(ProblemErrorHandler.status(new ResponseStatusException(HttpStatus.BAD_REQUEST)))
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ProblemErrorHandler.status(new IllegalArgumentException("boom")))
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(ProblemErrorHandler.status(new IllegalStateException(
				new InvalidMediaTypeException("text/html; charset=x-nope", "unsupported charset"))))
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void unexpectedFailureIsAProblemWithoutInternals() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/opendata/x"));

		this.handler.handle(exchange, new IllegalStateException("secret connection string")).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String body = exchange.getResponse().getBodyAsString().block();
		assertThat(body).contains("\"type\":\"https://bawaba.org/problems/internal-error\"")
			.contains("\"status\":500")
			.contains("\"instance\":\"/api/opendata/x\"")
			.doesNotContain("secret")
			.doesNotContain("IllegalStateException")
			.doesNotContain("trace");
	}

}
