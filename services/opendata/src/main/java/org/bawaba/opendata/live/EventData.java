package org.bawaba.opendata.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the agreed fields of an event's JSON data by name (events whose records are not in the contracts
 * module yet); a missing required field is an error, so the event is retried and then parked on the DLT.
 */
final class EventData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode data;

	private final CloudEvent event;

	private EventData(CloudEvent event, JsonNode data) {
		this.event = event;
		this.data = data;
	}

	static EventData of(CloudEvent event) {
		if (event.getData() == null) {
			throw new IllegalArgumentException("event " + event.getId() + " has no data");
		}
		return new EventData(event, JSON.readTree(event.getData().toBytes()));
	}

	JsonNode node() {
		return data;
	}

	String text(String field) {
		JsonNode value = data.get(field);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException("event " + event.getId() + " (" + event.getType() + ") has no " + field);
		}
		return value.asString();
	}

	String optionalText(String field) {
		JsonNode value = data.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	Long optionalLong(String field) {
		JsonNode value = data.get(field);
		return value == null || value.isNull() ? null : value.asLong();
	}

	boolean flag(String field) {
		JsonNode value = data.get(field);
		return value != null && value.asBoolean();
	}

	Instant instant(String field) {
		return Instant.parse(text(field));
	}

	/** {@code {amount, currency}} of a money field. */
	BigDecimal amount(String field) {
		JsonNode money = data.get(field);
		return money == null || money.get("amount") == null ? null : money.get("amount").decimalValue();
	}

	String currency(String field) {
		JsonNode money = data.get(field);
		return money == null || money.get("currency") == null ? null : money.get("currency").asString();
	}

	static String month(Instant instant) {
		return YearMonth.from(instant.atZone(ZoneOffset.UTC)).toString();
	}

	/** A bilingual text ({@code {"en", "ar"}}) in one language; a plain string serves both. */
	static String language(JsonNode text, String language) {
		if (text == null || text.isNull()) {
			return null;
		}
		if (text.isObject()) {
			JsonNode value = text.get(language);
			return value == null || value.isNull() ? null : value.asString();
		}
		return text.asString();
	}

}
