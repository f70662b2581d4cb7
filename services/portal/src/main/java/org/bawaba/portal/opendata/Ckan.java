package org.bawaba.portal.opendata;

import java.util.Map;

import org.bawaba.portal.web.Backend;

/** The open data service's CKAN Action API, as the pages use it. */
final class Ckan {

	private Ckan() {
	}

	/**
	 * A {@code package_search}: its {@code result} ({@code count}, {@code results},
	 * {@code search_facets} of themes and organisations).
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> search(Backend backend, String q, String fq, String sort, int start, int rows,
			boolean includePrivate) {
		Map<String, Object> answer = backend.opendata()
			.get()
			.uri(uri -> uri.path("/api/3/action/package_search")
				.queryParam("q", "{q}")
				.queryParam("fq", "{fq}")
				.queryParam("sort", "{sort}")
				.queryParam("start", start)
				.queryParam("rows", rows)
				.queryParam("facet.field", "{facets}")
				.queryParam("include_private", includePrivate)
				.build(q, fq, sort, "[\"groups\",\"organization\"]"))
			.retrieve()
			.body(Backend.OBJECT);
		return (Map<String, Object>) answer.get("result");
	}

}
