package org.bawaba.opendata.catalogue;

import java.util.List;
import java.util.Map;

/** Datasets found, how many in all, and the counts per facet value (in the order asked). */
public record SearchResult(long count, List<Dataset> results, Map<String, List<FacetItem>> facets) {

	/** One value of a facet: its name, what a person reads, how many datasets have it. */
	public record FacetItem(String name, String displayName, long count) {
	}

}
