package org.bawaba.gateway.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class LongRunningRequestsTest {

	private final LongRunningRequests longRunning = new LongRunningRequests(
			List.of("/api/opendata/datastore/dump/**"), DataSize.ofMegabytes(1));

	@Test
	void streamsUploadsAndConfiguredPathsAreLongRunning() {
		assertThat(this.longRunning.test(MockServerHttpRequest.get("/api/notifications/me/stream")
			.accept(MediaType.TEXT_EVENT_STREAM).build(), "/api/notifications/me/stream")).isTrue();
		assertThat(this.longRunning.test(MockServerHttpRequest.post("/api/opendata/resources/1/data")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=x")).build(), "/api/opendata/resources/1/data")).isTrue();
		assertThat(this.longRunning.test(MockServerHttpRequest.put("/api/opendata/x")
			.contentLength(DataSize.ofMegabytes(2).toBytes()).build(), "/api/opendata/x")).isTrue();
		assertThat(this.longRunning.test(MockServerHttpRequest.put("/api/opendata/x")
			.header(HttpHeaders.TRANSFER_ENCODING, "chunked").build(), "/api/opendata/x")).isTrue();
		assertThat(this.longRunning.test(MockServerHttpRequest.get("/api/opendata/datastore/dump/abc").build(), "/api/opendata/datastore/dump/abc"))
			.isTrue();
	}

	@Test
	void questionsAreNot() {
		assertThat(this.longRunning.test(MockServerHttpRequest.get("/api/eservices/services")
			.accept(MediaType.APPLICATION_JSON).build(), "/api/eservices/services")).isFalse();
		assertThat(this.longRunning.test(MockServerHttpRequest.post("/api/eservices/applications")
			.contentType(MediaType.APPLICATION_JSON).contentLength(2_000).build(), "/api/eservices/applications")).isFalse();
		assertThat(this.longRunning.test(MockServerHttpRequest.get("/api/opendata/datastore/search").build(), "/api/opendata/datastore/search"))
			.isFalse();
	}

}
