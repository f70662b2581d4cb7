package org.bawaba.opendata.datastore;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bawaba.opendata.catalogue.Field;
import org.bawaba.opendata.catalogue.Resource;
import org.bawaba.opendata.text.TextNormalizer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@code datastore_search}: filters (equality, a list means any of), full-text {@code q}, {@code sort},
 * {@code fields}, {@code limit}/{@code offset}. {@code total} is exact when cheap: the row count of an
 * uploaded version is stored at load time (tables never change once loaded); with filters or {@code q}
 * matching rows are counted up to {@code opendata.datastore.exact-total-limit}, beyond which the planner's
 * estimate is given with {@code total_was_estimated: true} (as CKAN does beyond its
 * {@code total_estimation_threshold}).
 */
@Service
public class DatastoreSearch {

	private final JdbcClient db;

	private final DatastoreProperties properties;

	private final JsonMapper json;

	DatastoreSearch(JdbcClient db, DatastoreProperties properties, JsonMapper json) {
		this.db = db;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * @param filters column → value or list of values
	 * @param q text to find in any text column, or column → text
	 * @param sort {@code "column [asc|desc], ..."}, null = {@code _id}
	 * @param fields columns to return, null = all
	 * @param version an earlier version still kept, null = current
	 */
	public record Query(Map<String, Object> filters, Object q, Integer limit, Integer offset, String sort,
			List<String> fields, boolean includeTotal, Integer version) {
	}

	public record Page(List<Field> fields, List<Map<String, Object>> records, Long total, boolean totalWasEstimated,
			int limit, int offset) {
	}

	/** A version of a resource: its table, fields, and rows when fixed. */
	record Table(String name, List<Field> fields, Long rowCount) {
	}

	public Page search(Resource resource, Query query) {
		Table table = table(resource, query.version());
		Map<String, Field> byName = new LinkedHashMap<>();
		byName.put("_id", new Field("_id", "int"));
		table.fields().forEach(field -> byName.put(field.id(), field));

		int limit = query.limit() == null ? 100 : query.limit();
		int offset = query.offset() == null ? 0 : query.offset();
		if (limit < 0 || limit > properties.maxLimit()) {
			throw new InvalidQueryException("limit", "Must be between 0 and " + properties.maxLimit());
		}
		if (offset < 0) {
			throw new InvalidQueryException("offset", "Must be a natural number");
		}
		List<Field> selected = new ArrayList<>();
		if (query.fields() == null || query.fields().isEmpty()) {
			selected.addAll(byName.values());
		}
		else {
			for (String name : query.fields()) {
				selected.add(field(byName, name, "fields"));
			}
		}
		Map<String, Object> params = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		filters(query.filters(), byName, params, conditions);
		fullText(query.q(), byName, params, conditions);
		List<String> order = sort(query.sort(), byName);

		boolean plain = conditions.isEmpty() && order.equals(List.of("_id asc")) && table.rowCount() != null;
		String from = " from " + DatastoreTables.qualified(table.name());
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		String select = "select " + selected.stream().map(f -> DatastoreTables.quote(f.id())).collect(Collectors.joining(", "));
		String sql;
		if (plain) {
			// _id is the row number 1..n of a loaded version: skip by key, not by reading and discarding rows
			sql = select + from + " where _id > :offset order by _id limit :limit";
		}
		else {
			sql = select + from + where + " order by " + String.join(", ", order) + " limit :limit offset :offset";
		}
		List<Map<String, Object>> records = db.sql(sql)
			.params(params)
			.param("limit", limit)
			.param("offset", plain ? (long) offset : offset)
			.query((rs, n) -> record(rs, selected))
			.list();

		Long total = null;
		boolean estimated = false;
		if (query.includeTotal()) {
			if (conditions.isEmpty() && table.rowCount() != null) {
				total = table.rowCount();
			}
			else {
				long cap = properties.exactTotalLimit();
				total = db.sql("select count(*) from (select 1" + from + where + " limit " + (cap + 1) + ") capped")
					.params(params)
					.query(Long.class)
					.single();
				if (total > cap) {
					total = estimate("select 1" + from + where, params);
					estimated = true;
				}
			}
		}
		return new Page(selected, records, total, estimated, limit, offset);
	}

	/** The table of the current version, or of an earlier one still kept. */
	Table table(Resource resource, Integer version) {
		if (!resource.datastoreActive()) {
			throw new InvalidQueryException("resource_id", "The resource has no data in the datastore");
		}
		if (version == null || version.equals(resource.currentVersion())) {
			return new Table(resource.datastoreTable(), resource.fields(), resource.rowCount());
		}
		return db.sql("select table_name, fields::text, row_count from resource_version "
				+ "where resource_id = ? and version = ? and available")
			.params(resource.id(), version)
			.query((rs, n) -> new Table(rs.getString(1), json.readValue(rs.getString(2),
					new TypeReference<List<Field>>() {
					}), rs.getLong(3)))
			.optional()
			.orElseThrow(() -> new InvalidQueryException("version", "No such version is kept"));
	}

	/** The versions of a resource, newest first. */
	List<Map<String, Object>> versions(UUID resourceId) {
		return db.sql("""
				select version, row_count, size_bytes, sha256, original_filename, format, loaded_by, loaded_at, available
				from resource_version where resource_id = ? order by version desc""")
			.param(resourceId)
			.query((rs, n) -> {
				Map<String, Object> version = new LinkedHashMap<>();
				version.put("version", rs.getInt("version"));
				version.put("rows", rs.getLong("row_count"));
				version.put("bytes", rs.getLong("size_bytes"));
				version.put("sha256", rs.getString("sha256"));
				version.put("filename", rs.getString("original_filename"));
				version.put("format", rs.getString("format"));
				version.put("loadedBy", rs.getString("loaded_by"));
				version.put("loadedAt", rs.getTimestamp("loaded_at").toInstant().toString());
				version.put("available", rs.getBoolean("available"));
				return version;
			})
			.list();
	}

	private long estimate(String sql, Map<String, Object> params) {
		String plan = db.sql("explain (format json) " + sql).params(params).query(String.class).single();
		return json.readTree(plan).get(0).get("Plan").get("Plan Rows").asLong();
	}

	private void filters(Map<String, Object> filters, Map<String, Field> byName, Map<String, Object> params,
			List<String> conditions) {
		if (filters == null) {
			return;
		}
		int i = 0;
		for (Map.Entry<String, Object> filter : filters.entrySet()) {
			Field field = field(byName, filter.getKey(), "filters");
			String p = "f" + i++;
			String column = DatastoreTables.quote(field.id());
			if (filter.getValue() instanceof Collection<?> values) {
				if (values.isEmpty()) {
					conditions.add("false");
					continue;
				}
				params.put(p, values.stream().map(value -> typed(field, value)).toList());
				conditions.add(column + " in (:" + p + ")");
			}
			else if (filter.getValue() == null) {
				conditions.add(column + " is null");
			}
			else {
				params.put(p, typed(field, filter.getValue()));
				conditions.add(column + " = :" + p);
			}
		}
	}

	private void fullText(Object q, Map<String, Field> byName, Map<String, Object> params, List<String> conditions) {
		if (q instanceof String text) {
			String query = TextNormalizer.prefixQuery(text);
			if (query != null) {
				params.put("q", query);
				conditions.add("_full_text @@ to_tsquery('simple', :q)");
			}
		}
		else if (q instanceof Map<?, ?> perField) {
			int i = 0;
			for (Map.Entry<?, ?> entry : perField.entrySet()) {
				Field field = field(byName, String.valueOf(entry.getKey()), "q");
				String query = TextNormalizer.prefixQuery(String.valueOf(entry.getValue()));
				if (query == null) {
					continue;
				}
				// the row has the words (index), and this column has the text as typed
				String p = "q" + i++;
				params.put(p, query);
				params.put(p + "raw", "%" + String.valueOf(entry.getValue()).strip().replace("%", "\\%") + "%");
				conditions.add("_full_text @@ to_tsquery('simple', :" + p + ") and " + DatastoreTables.quote(field.id())
						+ "::text ilike :" + p + "raw");
			}
		}
		else if (q != null) {
			throw new InvalidQueryException("q", "Must be a string or an object of column to text");
		}
	}

	private static List<String> sort(String sort, Map<String, Field> byName) {
		List<String> order = new ArrayList<>();
		if (sort != null && !sort.isBlank()) {
			for (String part : sort.split(",")) {
				String item = part.strip();
				String direction = "asc";
				String lower = item.toLowerCase(Locale.ROOT);
				if (lower.endsWith(" desc") || lower.endsWith(" asc")) {
					direction = lower.endsWith(" desc") ? "desc" : "asc";
					item = item.substring(0, item.lastIndexOf(' ')).strip();
				}
				if (item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")) {
					item = item.substring(1, item.length() - 1);
				}
				Field field = field(byName, item, "sort");
				order.add(DatastoreTables.quote(field.id()) + " " + direction);
			}
		}
		if (order.stream().noneMatch(o -> o.startsWith("\"_id\""))) {
			order.add("_id asc");
		}
		if (order.size() == 1 && order.get(0).equals("\"_id\" asc")) {
			return List.of("_id asc");
		}
		return order;
	}

	private static Field field(Map<String, Field> byName, String name, String parameter) {
		return Optional.ofNullable(byName.get(name))
			.orElseThrow(() -> new InvalidQueryException(parameter, "field \"" + name + "\" not in table"));
	}

	/** A filter value as the column's Java type, so that PostgreSQL compares like with like. */
	private static Object typed(Field field, Object value) {
		if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
			throw new InvalidQueryException("filters", "Invalid value for \"" + field.id() + "\"");
		}
		String text = String.valueOf(value).strip();
		try {
			return switch (field.type()) {
				case "int" -> Long.valueOf(text);
				case "numeric" -> new BigDecimal(text);
				case "bool" -> {
					if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
						throw new IllegalArgumentException(text);
					}
					yield Boolean.valueOf(text);
				}
				case "date" -> LocalDate.parse(text);
				case "timestamp" -> LocalDateTime.parse(text, ColumnType.LOCAL);
				case "timestamptz" -> OffsetDateTime.parse(ColumnType.normalizeOffset(text), ColumnType.OFFSET);
				default -> String.valueOf(value);
			};
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new InvalidQueryException("filters",
					"Invalid value for \"" + field.id() + "\" of type " + field.type() + ": " + text);
		}
	}

	private static Map<String, Object> record(ResultSet rs, List<Field> fields) throws SQLException {
		Map<String, Object> record = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			record.put(fields.get(i).id(), value(rs, i + 1, fields.get(i).type()));
		}
		return record;
	}

	static Object value(ResultSet rs, int column, String type) throws SQLException {
		Object value = switch (type) {
			case "int" -> rs.getObject(column, Long.class);
			case "numeric" -> rs.getBigDecimal(column);
			case "bool" -> rs.getObject(column, Boolean.class);
			case "date" -> rs.getObject(column, LocalDate.class);
			case "timestamp" -> rs.getObject(column, LocalDateTime.class);
			case "timestamptz" -> rs.getObject(column, OffsetDateTime.class);
			default -> rs.getString(column);
		};
		if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
			return value.toString();
		}
		return value;
	}

}
