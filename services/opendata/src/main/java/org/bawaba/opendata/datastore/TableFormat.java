package org.bawaba.opendata.datastore;

import java.util.Locale;

/** The file formats staff may upload. */
enum TableFormat {

	/** RFC 4180 CSV in UTF-8 (a byte-order mark is skipped), the first record being the column names. */
	CSV,

	/** A JSON array of flat objects; keys are the columns (nested values are kept as JSON text). */
	JSON;

	/** The format from the file name's extension, then the content type; CSV when neither says. */
	static TableFormat of(String filename, String contentType) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".json")) {
			return JSON;
		}
		if (name.endsWith(".csv")) {
			return CSV;
		}
		return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json") ? JSON : CSV;
	}

}
