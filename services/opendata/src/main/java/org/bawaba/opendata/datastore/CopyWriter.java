package org.bawaba.opendata.datastore;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.bawaba.opendata.text.TextNormalizer;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a running {@code COPY ... FROM STDIN} in PostgreSQL's text format, 64 KB at a time, with
 * the {@code _full_text} column computed from the text columns.
 */
final class CopyWriter {

	private static final int CHUNK = 1 << 16;

	private final CopyIn copy;

	private final boolean[] text;

	private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

	private final List<String> texts = new ArrayList<>();

	private final boolean anyText;

	CopyWriter(CopyIn copy, List<ColumnType> types) {
		this.copy = copy;
		this.text = new boolean[types.size()];
		boolean any = false;
		for (int i = 0; i < text.length; i++) {
			text[i] = types.get(i) == ColumnType.TEXT;
			any |= text[i];
		}
		this.anyText = any;
	}

	void row(String[] values) throws SQLException {
		texts.clear();
		for (int i = 0; i < text.length; i++) {
			String value = i < values.length ? values[i] : null;
			if (value == null) {
				buffer.append("\\N");
			}
			else {
				escape(value);
				if (text[i]) {
					texts.add(value);
				}
			}
			buffer.append('\t');
		}
		if (anyText) {
			escape(TextNormalizer.tsvector(texts));
		}
		else {
			buffer.append("\\N");
		}
		buffer.append('\n');
		if (buffer.length() >= CHUNK) {
			flush();
		}
	}

	long finish() throws SQLException {
		flush();
		return copy.endCopy();
	}

	void cancel() {
		try {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the transaction is rolled back anyway
		}
	}

	private void flush() throws SQLException {
		if (!buffer.isEmpty()) {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			buffer.setLength(0);
		}
	}

	private void escape(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				case '\t' -> buffer.append("\\t");
				default -> buffer.append(c);
			}
		}
	}

}
