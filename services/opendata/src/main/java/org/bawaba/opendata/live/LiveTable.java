package org.bawaba.opendata.live;

import java.util.List;
import java.util.Map;

import org.bawaba.opendata.catalogue.Bilingual;
import org.bawaba.opendata.catalogue.Field;

/**
 * A dataset the platform keeps up to date from events: its metadata, its one table, the columns that identify
 * a row (the upsert key), and columns derived from others after each change.
 *
 * @param name the dataset's name (also names the table {@code live_<name>})
 * @param derived column → SQL expression over the row's other columns, recomputed after each upsert
 */
record LiveTable(String name, Bilingual title, Bilingual notes, List<String> tags, String theme, String frequency,
		List<Field> fields, List<String> key, Map<String, String> derived) {

	String table() {
		return "live_" + name.replace('-', '_');
	}

	static Field text(String id) {
		return new Field(id, "text");
	}

	static Field integer(String id) {
		return new Field(id, "int");
	}

	static Field numeric(String id) {
		return new Field(id, "numeric");
	}

	static Field bool(String id) {
		return new Field(id, "bool");
	}

	static Field instant(String id) {
		return new Field(id, "timestamptz");
	}

}
