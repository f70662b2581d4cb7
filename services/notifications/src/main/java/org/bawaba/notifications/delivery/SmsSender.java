package org.bawaba.notifications.delivery;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.bawaba.notifications.NotificationsProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The SMS provider adapter: {@code POST <base-url>/messages} with {@code Authorization: Bearer <api-key>}
 * and {@code {"to","sender","text","reference"}}; the provider answers {@code {"id"}}, its reference for
 * the message (delivery receipts name it). 5xx, 408, 429 and I/O errors are retried, other 4xx are not.
 */
@Component
class SmsSender {

	private final NotificationsProperties.Sms properties;

	private final RestClient http;

	SmsSender(NotificationsProperties properties) {
		this.properties = properties.sms();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(3)).build());
		requests.setReadTimeout(Duration.ofSeconds(10));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	Outcome send(String to, Message message) {
		if (!StringUtils.hasText(properties.baseUrl())) {
			return new Outcome.NotConfigured();
		}
		String text = message.subject() + "\n" + message.body();
		try {
			JsonNode answer = http.post()
				.uri(properties.baseUrl().replaceAll("/+$", "") + "/messages")
				.contentType(MediaType.APPLICATION_JSON)
				.headers(headers -> {
					if (StringUtils.hasText(properties.apiKey())) {
						headers.setBearerAuth(properties.apiKey());
					}
				})
				.body(Map.of("to", to, "sender", properties.sender(), "text", text, "reference",
						String.valueOf(message.deliveryId())))
				.retrieve()
				.body(JsonNode.class);
			String id = answer == null || answer.get("id") == null ? null : answer.get("id").asString();
			return new Outcome.Sent(id);
		}
		catch (HttpStatusCodeException ex) {
			int status = ex.getStatusCode().value();
			boolean retry = status >= 500 || status == 408 || status == 429;
			return new Outcome.Failed("HTTP " + status, !retry);
		}
		catch (ResourceAccessException ex) {
			return new Outcome.Failed("I/O: " + ex.getMessage(), false);
		}
		catch (RestClientException ex) {
			return new Outcome.Failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
		}
	}

}
