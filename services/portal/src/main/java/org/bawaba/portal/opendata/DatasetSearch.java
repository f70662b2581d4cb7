package org.bawaba.portal.opendata;

import java.util.ArrayList;
import java.util.List;

/**
 * A search of the catalogue as the datasets page asks it of the CKAN {@code package_search} action:
 * the words typed, and the theme or organisation picked from the facets.
 *
 * @param q the words, in English or Arabic
 * @param group a theme's name, or blank
 * @param organization an organisation's name, or blank
 * @param page the page, from 0
 */
record DatasetSearch(String q, String group, String organization, int page) {

	static final int PAGE_SIZE = 20;

	DatasetSearch {
		q = q == null ? "" : q.strip();
		group = clean(group);
		organization = clean(organization);
		page = Math.max(page, 0);
	}

	/** CKAN's filter query: one {@code field:value} term per facet picked. */
	String fq() {
		List<String> terms = new ArrayList<>();
		if (!group.isEmpty()) {
			terms.add("groups:" + group);
		}
		if (!organization.isEmpty()) {
			terms.add("organization:" + organization);
		}
		return String.join(" ", terms);
	}

	/** Most relevant first when words were typed, else the most recently changed. */
	String sort() {
		return q.isEmpty() ? "metadata_modified desc" : "score desc, metadata_modified desc";
	}

	int start() {
		return page * PAGE_SIZE;
	}

	/** Facet values are names (lower-case letters, digits, - and _); anything else is ignored. */
	private static String clean(String name) {
		return name != null && name.matches("[a-z0-9_-]{1,100}") ? name : "";
	}

}
