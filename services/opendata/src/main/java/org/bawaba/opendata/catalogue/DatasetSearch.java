package org.bawaba.opendata.catalogue;

import java.util.List;

/**
 * A catalogue search.
 *
 * @param text words to find (English or Arabic, any form), null for all datasets
 * @param filters conditions that must all hold
 * @param sort sort keys, first one first; empty = relevance when there is text, else last modified first
 * @param rows how many datasets to return
 * @param start how many to skip
 * @param facetFields fields to count values of: organization, tags, groups, res_format, license_id, frequency
 * @param facetLimit values per facet, most frequent first (negative = all)
 * @param facetMinCount smallest count shown
 * @param viewer who searches: private datasets are found only by their organisation's staff and platform admins
 * @param language {@code en} or {@code ar}, for display names
 */
public record DatasetSearch(String text, List<Filter> filters, List<Sort> sort, int rows, int start,
		List<String> facetFields, int facetLimit, int facetMinCount, Viewer viewer, String language) {

	/** Fields that may be filtered and counted. */
	public static final List<String> FILTERABLE = List.of("organization", "tags", "groups", "res_format", "license_id",
			"frequency", "name", "id");

	/** Fields that may be sorted on. */
	public static final List<String> SORTABLE = List.of("score", "metadata_modified", "metadata_created", "name",
			"title_string");

	/** {@code field:value}. */
	public record Filter(String field, String value) {
	}

	public record Sort(String field, boolean descending) {
	}

	/** Who searches: {@code agency} of staff, or every organisation for a platform admin. */
	public record Viewer(String agency, boolean platformAdmin) {

		public static final Viewer ANONYMOUS = new Viewer(null, false);

	}

}
