package org.bawaba.opendata.datastore;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CSV or JSON file row by row, never the whole file: rows as text values aligned with
 * {@link #columns()} (null = empty or missing). Problems are {@link MalformedFileException}s with the line.
 */
abstract sealed class TableReader implements Closeable {

	static final int MAX_COLUMNS = 500;

	private static final int MAX_NAME_BYTES = 63;

	static TableReader open(InputStream raw, TableFormat format, List<String> knownColumns) throws IOException {
		InputStream checked = new Utf8CheckingInputStream(new BufferedInputStream(raw, 1 << 16));
		skipByteOrderMark(checked);
		return format == TableFormat.CSV ? new Csv(checked) : new Json(checked, knownColumns);
	}

	/** The column names known so far (CSV: the header; JSON: the keys met so far). */
	abstract List<String> columns();

	/** The next row, or null at the end. */
	abstract String[] next();

	/** The line the last row started on. */
	abstract long line();

	private static void skipByteOrderMark(InputStream in) throws IOException {
		in.mark(3);
		byte[] head = in.readNBytes(3);
		if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
			in.reset();
		}
	}

	static void checkName(String name, int index, long line, Set<String> seen) {
		if (name == null || name.isBlank()) {
			throw new MalformedFileException(line, "column-name-empty", index + 1);
		}
		if (name.startsWith("_")) {
			throw new MalformedFileException(line, "column-name-reserved", name);
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES
				|| name.chars().anyMatch(Character::isISOControl)) {
			throw new MalformedFileException(line, "column-name-invalid", name);
		}
		if (!seen.add(name)) {
			throw new MalformedFileException(line, "column-name-duplicate", name);
		}
		if (seen.size() > MAX_COLUMNS) {
			throw new MalformedFileException(line, "too-many-columns", MAX_COLUMNS);
		}
	}

	static final class Csv extends TableReader {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final List<String> columns;

		private long line = 1;

		Csv(InputStream in) throws IOException {
			Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
			this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
			this.records = parser.iterator();
			CSVRecord header = nextRecord();
			if (header == null) {
				throw new MalformedFileException(1, "no-header");
			}
			List<String> names = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < header.size(); i++) {
				String name = header.get(i).strip();
				checkName(name, i, line, seen);
				names.add(name);
			}
			this.columns = List.copyOf(names);
		}

		@Override
		List<String> columns() {
			return columns;
		}

		@Override
		String[] next() {
			CSVRecord record = nextRecord();
			if (record == null) {
				return null;
			}
			if (record.size() != columns.size()) {
				throw new MalformedFileException(line, "column-count", columns.size(), record.size());
			}
			String[] values = new String[record.size()];
			for (int i = 0; i < values.length; i++) {
				String value = record.get(i);
				values[i] = value.isEmpty() ? null : value;
			}
			return values;
		}

		private CSVRecord nextRecord() {
			line = parser.getCurrentLineNumber() + 1;
			try {
				return records.hasNext() ? records.next() : null;
			}
			catch (UncheckedIOException ex) {
				String message = String.valueOf(ex.getCause() == null ? ex.getMessage() : ex.getCause().getMessage());
				if (message.contains("EOF reached before encapsulated token finished")) {
					throw new MalformedFileException(line, "unclosed-quote");
				}
				if (message.contains("between encapsulated token and delimiter")) {
					throw new MalformedFileException(parser.getCurrentLineNumber() + 1, "invalid-quote");
				}
				throw new MalformedFileException(line, "unreadable-csv", message);
			}
		}

		@Override
		long line() {
			return line;
		}

		@Override
		public void close() throws IOException {
			parser.close();
		}

	}

	static final class Json extends TableReader {

		private static final JsonMapper MAPPER = JsonMapper.builder().build();

		private final JsonParser parser;

		private final List<String> columns;

		private final Map<String, Integer> index = new HashMap<>();

		private final Set<String> seen = new HashSet<>();

		private long line = 1;

		Json(InputStream in, List<String> knownColumns) {
			this.parser = MAPPER.createParser(in);
			this.columns = new ArrayList<>();
			if (knownColumns != null) {
				knownColumns.forEach(this::column);
			}
			JsonToken first = token();
			if (first != JsonToken.START_ARRAY) {
				throw new MalformedFileException(location(), "json-not-array");
			}
		}

		@Override
		List<String> columns() {
			return columns;
		}

		@Override
		String[] next() {
			JsonToken token = token();
			if (token == JsonToken.END_ARRAY) {
				return null;
			}
			if (token != JsonToken.START_OBJECT) {
				throw new MalformedFileException(location(), "json-not-object");
			}
			line = location();
			Map<Integer, String> values = new HashMap<>();
			while ((token = token()) == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				int column = index.containsKey(name) ? index.get(name) : column(name);
				JsonToken value = token();
				values.put(column, switch (value) {
					case VALUE_NULL -> null;
					case VALUE_STRING -> parser.getString().isEmpty() ? null : parser.getString();
					case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getString();
					case START_OBJECT, START_ARRAY -> {
						try {
							yield parser.readValueAsTree().toString();
						}
						catch (JacksonException ex) {
							throw new MalformedFileException(location(), "invalid-json", ex.getOriginalMessage());
						}
					}
					default -> throw new MalformedFileException(location(), "invalid-json", value);
				});
			}
			String[] row = new String[columns.size()];
			values.forEach((column, value) -> row[column] = value);
			return row;
		}

		private int column(String name) {
			checkName(name, columns.size(), location(), seen);
			columns.add(name);
			index.put(name, columns.size() - 1);
			return columns.size() - 1;
		}

		private JsonToken token() {
			try {
				JsonToken token = parser.nextToken();
				if (token == null) {
					throw new MalformedFileException(location(), "invalid-json", "unexpected end of file");
				}
				return token;
			}
			catch (JacksonException ex) {
				throw new MalformedFileException(location(), "invalid-json", ex.getOriginalMessage());
			}
		}

		private long location() {
			return Math.max(1, parser.currentLocation().getLineNr());
		}

		@Override
		long line() {
			return line;
		}

		@Override
		public void close() {
			parser.close();
		}

	}

}
