package org.bawaba.opendata.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A file or link of a dataset. Data loaded into the datastore lives in {@code datastore.<datastoreTable>};
 * a link resource has only a {@code url}.
 */
public record Resource(UUID id, UUID datasetId, int position, Bilingual name, Bilingual description, String format,
		String url, String datastoreTable, Integer currentVersion, List<Field> fields, Long rowCount, boolean live,
		long downloadCount, Instant created, Instant modified) {

	public boolean datastoreActive() {
		return datastoreTable != null;
	}

}
