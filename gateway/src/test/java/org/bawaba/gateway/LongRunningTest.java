package org.bawaba.gateway;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-service time limit (1 s, until the service's response headers) answers a slow question
 * with 504, but not an upload, which a service answers only once it has read it, nor a configured
 * long-running path. A live stream, whose headers come at once, is not cut either.
 */
class LongRunningTest extends GatewayTestSupport {

	@Test
	void aLiveStreamOutlastsTheTimeLimit() {
		List<String> data = this.client.mutate().responseTimeout(Duration.ofSeconds(20)).build()
			.get()
			.uri("/api/stream/me/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.map(ServerSentEvent::data)
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(data).containsExactly("1", "2", "3");
	}

	@Test
	void aConfiguredLongRunningPathMayTakeLongerThanTheTimeLimit() {
		// the same slow service answers 504 elsewhere (RoutingTest)
		this.client.mutate().responseTimeout(Duration.ofSeconds(20)).build()
			.get()
			.uri("/api/slow/exports/all")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("finally");
	}

	@Test
	void anUploadThatTakesLongerThanTheTimeLimitIsAnswered() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", "a,b\n1,2\n".getBytes()).filename("data.csv").contentType(MediaType.TEXT_PLAIN);
		this.client.mutate().responseTimeout(Duration.ofSeconds(20)).build()
			.post()
			.uri("/api/uploads/resources/1/data")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void aSmallJsonPostToTheSameSlowServiceIsTimeLimited() {
		this.client.post()
			.uri("/api/uploads/questions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"q\":1}")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

}
