package org.bawaba.opendata.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.bawaba.opendata.OpendataIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 1,000,000-row CSV, generated here (never committed), uploaded over HTTP, loaded by COPY and queried with
 * filters, full text, sorting and deep offsets. Speed is measured by {@code deploy/bench/opendata.sh}, not here.
 */
class MillionRowsIT extends OpendataIT {

	static final int ROWS = 1_000_000;

	static final String[] REGIONS = { "الدوحة", "الريان", "الوكرة", "الخور", "الشمال", "Doha", "Al Rayyan", "Al Wakra",
			"Al Khor", "Al Shamal" };

	@Test
	void aMillionRowsAreLoadedAndQueried() throws IOException {
		Path file = Files.createTempFile("million-", ".csv");
		try {
			write(file);
			String resource = datasetWithResource("million-" + java.util.UUID.randomUUID().toString().substring(0, 8),
					"moi", MOI_STAFF);
			HttpResponse<String> loaded = upload(resource, file, "million.csv", MOI_STAFF, null);
			assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
			assertThat(json(loaded).get("rows").asLong()).isEqualTo(ROWS);

			JsonNode all = search(resource, "&limit=5").get("result");
			assertThat(all.get("total").asLong()).isEqualTo(ROWS);
			assertThat(all.get("total_was_estimated").asBoolean()).isFalse();
			assertThat(all.get("records").get(0).get("id").asLong()).isEqualTo(1);

			JsonNode deep = search(resource, "&limit=3&offset=999998").get("result");
			assertThat(deep.get("records").size()).isEqualTo(2);
			assertThat(deep.get("records").get(0).get("id").asLong()).isEqualTo(999_999);

			// every 10th row is in الوكرة: 100,000 rows, counted exactly at the limit
			JsonNode region = search(resource, "&limit=2&filters=" + encode("{\"region\": \"الوكرة\"}")).get("result");
			assertThat(region.get("total").asLong()).isEqualTo(100_000);
			assertThat(region.get("total_was_estimated").asBoolean()).isFalse();
			assertThat(region.get("records").get(0).get("id").asLong()).isEqualTo(3);

			JsonNode filtered = search(resource, "&filters=" + encode("{\"region\": \"Doha\", \"category\": 6}")
					+ "&sort=" + encode("amount desc") + "&limit=3").get("result");
			assertThat(filtered.get("total").asLong()).isEqualTo(50_000);
			assertThat(filtered.get("records").get(0).get("amount").decimalValue())
				.isGreaterThanOrEqualTo(filtered.get("records").get(1).get("amount").decimalValue());

			// more matches than the exact-count limit: estimated, and said so
			JsonNode wide = search(resource, "&limit=1&filters=" + encode("{\"region\": [\"Doha\", \"الدوحة\"]}"))
				.get("result");
			assertThat(wide.get("total_was_estimated").asBoolean()).isTrue();
			assertThat(wide.get("total").asLong()).isBetween(100_000L, 400_000L);

			JsonNode text = search(resource, "&q=" + encode("ريان") + "&limit=1&offset=50000").get("result");
			assertThat(text.get("records").get(0).get("region").asString()).isEqualTo("الريان");

			JsonNode day = search(resource, "&filters=" + encode("{\"day\": \"2024-01-01\", \"id\": 366}")).get("result");
			assertThat(day.get("total").asLong()).isEqualTo(1);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private JsonNode search(String resource, String query) {
		return action("datastore_search", "resource_id=" + resource + query, 200);
	}

	/** id, region (10 values, half Arabic), category (0-19), amount, day (a year of days), note. */
	static void write(Path file) throws IOException {
		LocalDate start = LocalDate.of(2024, 1, 1);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("id,region,category,amount,day,note\n");
			StringBuilder line = new StringBuilder(64);
			for (int i = 1; i <= ROWS; i++) {
				line.setLength(0);
				line.append(i).append(',').append(REGIONS[(i - 1) % 10]).append(',').append(i % 20).append(',')
					.append(i % 1000).append('.').append(i % 100).append(',').append(start.plusDays(i % 366))
					.append(',').append(i % 7 == 0 ? "طلب جديد" : "renewal request").append('\n');
				out.write(line.toString());
			}
		}
	}

}
