package org.bawaba.portal.procurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bawaba.portal.web.Backend;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The procurement service as the pages use it: its categories, tenders, and actions with their outcome. */
@Component
class Procurement {

	/** Statuses after the opening, when the bid-opening record is public. */
	static final Set<String> OPENED = Set.of("OPENED", "EVALUATED", "AWARDED", "CONTRACTED");

	private final Backend backend;

	Procurement(Backend backend) {
		this.backend = backend;
	}

	RestClient client() {
		return backend.procurement();
	}

	List<Map<String, Object>> categories() {
		return client().get().uri("/categories").retrieve().body(Backend.LIST);
	}

	/** Each category's names ({@code en}, {@code ar}) by its code. */
	static Map<String, Map<String, Object>> byCode(List<Map<String, Object>> categories) {
		Map<String, Map<String, Object>> names = new LinkedHashMap<>();
		categories.forEach(category -> names.put(String.valueOf(category.get("code")), category));
		return names;
	}

	Map<String, Object> tender(Object id) {
		return client().get().uri("/tenders/{id}", id).retrieve().body(Backend.OBJECT);
	}

	/** A page of published tenders ({@code items}, {@code total}, {@code page}, {@code size}). */
	Map<String, Object> tenders(String status, String category, String agency, int page, int size) {
		return client().get()
			.uri(uri -> uri.path("/tenders")
				.queryParamIfPresent("status", present(status))
				.queryParamIfPresent("category", present(category))
				.queryParamIfPresent("agency", present(agency))
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(Backend.OBJECT);
	}

	List<Map<String, Object>> list(String path, Object... variables) {
		return client().get().uri(path, variables).retrieve().body(Backend.LIST);
	}

	private static java.util.Optional<String> present(String value) {
		return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
	}

}
