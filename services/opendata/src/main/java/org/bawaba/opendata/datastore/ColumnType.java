package org.bawaba.opendata.datastore;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * The column types the datastore infers, with CKAN's names and the PostgreSQL types behind them. A column
 * gets the narrowest type every non-empty value of the whole file fits: int, numeric, bool, date,
 * timestamp, timestamptz, else text.
 */
enum ColumnType {

	INT("int", "bigint"), NUMERIC("numeric", "numeric"), BOOL("bool", "boolean"), DATE("date", "date"),
	TIMESTAMP("timestamp", "timestamp"), TIMESTAMPTZ("timestamptz", "timestamptz"), TEXT("text", "text");

	private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern TIMESTAMP_SHAPE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?");

	private static final Pattern TIMESTAMPTZ_SHAPE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}(:?\\d{2})?)");

	static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart().appendLiteral('T').optionalEnd()
		.optionalStart().appendLiteral(' ').optionalEnd()
		.appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true).optionalEnd().optionalEnd()
		.toFormatter();

	static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder().append(LOCAL)
		.appendOffset("+HH:MM", "Z").toFormatter();

	private final String ckan;

	private final String sql;

	ColumnType(String ckan, String sql) {
		this.ckan = ckan;
		this.sql = sql;
	}

	/** CKAN's name of the type, as {@code datastore_search} reports it. */
	String ckan() {
		return ckan;
	}

	/** The PostgreSQL type. */
	String sql() {
		return sql;
	}

	static ColumnType fromCkan(String name) {
		for (ColumnType type : values()) {
			if (type.ckan.equals(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException(name);
	}

	/** The narrowest type of one non-empty value. */
	static ColumnType of(String value) {
		if (isInteger(value)) {
			return INT;
		}
		if (isNumber(value)) {
			return NUMERIC;
		}
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return BOOL;
		}
		char first = value.charAt(0);
		if (first >= '0' && first <= '9' && value.length() >= 10) {
			if (DATE_SHAPE.matcher(value).matches()) {
				return parses(() -> LocalDate.parse(value)) ? DATE : TEXT;
			}
			if (TIMESTAMP_SHAPE.matcher(value).matches()) {
				return parses(() -> LocalDateTime.parse(value, LOCAL)) ? TIMESTAMP : TEXT;
			}
			if (TIMESTAMPTZ_SHAPE.matcher(value).matches()) {
				return parses(() -> OffsetDateTime.parse(normalizeOffset(value), OFFSET)) ? TIMESTAMPTZ : TEXT;
			}
		}
		return TEXT;
	}

	/** The type of a column that was {@code current} (null: no value yet) after seeing {@code value}. */
	static ColumnType widen(ColumnType current, String value) {
		if (current == TEXT) {
			return TEXT;
		}
		ColumnType type = of(value);
		if (current == null || current == type) {
			return type;
		}
		if ((current == INT && type == NUMERIC) || (current == NUMERIC && type == INT)) {
			return NUMERIC;
		}
		if ((current == DATE && type == TIMESTAMP) || (current == TIMESTAMP && type == DATE)) {
			return TIMESTAMP;
		}
		return TEXT;
	}

	/** {@code +03} and {@code +0300} as {@code +03:00}. */
	static String normalizeOffset(String value) {
		if (value.endsWith("Z")) {
			return value;
		}
		int sign = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
		String offset = value.substring(sign + 1);
		if (offset.length() == 2) {
			return value + ":00";
		}
		if (offset.length() == 4) {
			return value.substring(0, sign + 3) + ":" + offset.substring(2);
		}
		return value;
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isInteger(String value) {
		int start = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
		int digits = value.length() - start;
		if (digits == 0 || digits > 18) {
			return false;
		}
		for (int i = start; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isNumber(String value) {
		int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
		int digits = 0;
		while (i < value.length() && Character.isDigit(value.charAt(i)) && value.charAt(i) < 128) {
			i++;
			digits++;
		}
		if (i < value.length() && value.charAt(i) == '.') {
			i++;
			while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < value.length() && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
			i++;
			if (i < value.length() && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
				i++;
			}
			int exponent = 0;
			while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
				i++;
				exponent++;
			}
			if (exponent == 0 || exponent > 3) {
				return false;
			}
		}
		return i == value.length();
	}

}
