package org.bawaba.eservices.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogueRepository {

	private static final String COLUMNS = """
			id, code, agency, title_en, title_ar, description_en, description_ar, category, life_event, level,
			required_documents::text as required_documents, fee_amount, fee_currency, processing_days,
			channels::text as channels, form_schema::text as form_schema, status, updated_at,
			steps::text as steps""";

	private final JdbcClient db;

	private final JsonMapper json;

	CatalogueRepository(JdbcClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	void saveAgency(Agency agency) {
		db.sql("""
				insert into agency (code, name_en, name_ar) values (?, ?, ?)
				on conflict (code) do update set name_en = excluded.name_en, name_ar = excluded.name_ar""")
			.params(agency.code(), agency.name().en(), agency.name().ar())
			.update();
	}

	Optional<Agency> findAgency(String code) {
		return db.sql("select code, name_en, name_ar from agency where code = ?")
			.param(code)
			.query((rs, n) -> new Agency(rs.getString(1), new Bilingual(rs.getString(2), rs.getString(3))))
			.optional();
	}

	List<Agency> agencies() {
		return db.sql("select code, name_en, name_ar from agency order by code")
			.query((rs, n) -> new Agency(rs.getString(1), new Bilingual(rs.getString(2), rs.getString(3))))
			.list();
	}

	long count() {
		return db.sql("select count(*) from eservice").query(Long.class).single();
	}

	Optional<EService> findByCode(String code) {
		return db.sql("select " + COLUMNS + " from eservice where code = ?").param(code).query(this::map).optional();
	}

	void insert(String agency, ServiceDefinition definition, ServiceStatus status, String searchText) {
		db.sql("""
				insert into eservice (id, code, agency, title_en, title_ar, description_en, description_ar, category,
				  life_event, level, required_documents, fee_amount, fee_currency, processing_days, channels,
				  form_schema, status, search_text, steps)
				values (:id, :code, :agency, :titleEn, :titleAr, :descriptionEn, :descriptionAr, :category, :lifeEvent,
				  :level, cast(:documents as jsonb), :fee, :currency, :days, cast(:channels as jsonb),
				  cast(:form as jsonb), :status, :searchText, cast(:steps as jsonb))""")
			.params(parameters(agency, definition, status, searchText))
			.param("id", UUID.randomUUID())
			.update();
	}

	void update(String agency, ServiceDefinition definition, ServiceStatus status, String searchText) {
		db.sql("""
				update eservice set title_en = :titleEn, title_ar = :titleAr, description_en = :descriptionEn,
				  description_ar = :descriptionAr, category = :category, life_event = :lifeEvent, level = :level,
				  required_documents = cast(:documents as jsonb), fee_amount = :fee, fee_currency = :currency,
				  processing_days = :days, channels = cast(:channels as jsonb), form_schema = cast(:form as jsonb),
				  status = :status, search_text = :searchText, steps = cast(:steps as jsonb), updated_at = now()
				where code = :code and agency = :agency""")
			.params(parameters(agency, definition, status, searchText))
			.update();
	}

	void setStatus(String code, ServiceStatus status) {
		db.sql("update eservice set status = ?, updated_at = now() where code = ?").params(status.name(), code).update();
	}

	private Map<String, Object> parameters(String agency, ServiceDefinition d, ServiceStatus status, String searchText) {
		Map<String, Object> p = new HashMap<>();
		p.put("code", d.code());
		p.put("agency", agency);
		p.put("titleEn", d.title().en());
		p.put("titleAr", d.title().ar());
		p.put("descriptionEn", d.description().en());
		p.put("descriptionAr", d.description().ar());
		p.put("category", d.category());
		p.put("lifeEvent", d.lifeEvent());
		p.put("level", d.level());
		p.put("documents", json.writeValueAsString(d.documents()));
		p.put("fee", d.effectiveFee().amount());
		p.put("currency", d.effectiveFee().currency());
		p.put("days", d.processingDays());
		p.put("channels", json.writeValueAsString(d.effectiveChannels()));
		p.put("form", d.form() == null || d.form().isNull() ? null : json.writeValueAsString(d.form()));
		p.put("status", status.name());
		p.put("searchText", searchText);
		// --- newborn ---
		p.put("steps", json.writeValueAsString(d.stepList()));
		// --- end newborn ---
		return p;
	}

	Page<EService> search(SearchCriteria criteria, List<String> words) {
		StringBuilder where = new StringBuilder("where status = 'PUBLISHED'");
		Map<String, Object> p = new HashMap<>();
		filter(where, p, "agency", criteria.agency());
		filter(where, p, "category", criteria.category());
		filter(where, p, "life_event", criteria.lifeEvent());
		if (criteria.level() != null) {
			where.append(" and level = :level");
			p.put("level", criteria.level());
		}
		String rank = "0";
		if (!words.isEmpty()) {
			p.put("tsquery", String.join(" & ", words.stream().map(word -> word + ":*").toList()));
			p.put("text", String.join(" ", words));
			where.append(" and (search_vector @@ to_tsquery('simple', :tsquery) or :text <% search_text)");
			rank = "(ts_rank(search_vector, to_tsquery('simple', :tsquery)) + word_similarity(:text, search_text))";
		}
		String titleColumn = "ar".equals(criteria.lang()) ? "title_ar" : "title_en";
		String sort = criteria.sort() != null ? criteria.sort() : words.isEmpty() ? "title" : "relevance";
		String order = switch (sort) {
			case "relevance" -> rank + " desc, " + titleColumn;
			case "level" -> "level, " + titleColumn;
			case "fee" -> "fee_amount, " + titleColumn;
			case "updated" -> "updated_at desc, code";
			default -> titleColumn + ", code";
		};
		p.put("limit", criteria.sizeOrDefault());
		p.put("offset", (long) criteria.pageOrDefault() * criteria.sizeOrDefault());
		List<EService> items = new ArrayList<>();
		long[] total = { 0 };
		db.sql("select " + COLUMNS + ", count(*) over () as total from eservice " + where + " order by " + order
				+ " limit :limit offset :offset")
			.params(p)
			.query(rs -> {
				items.add(map(rs, 0));
				total[0] = rs.getLong("total");
			});
		if (items.isEmpty() && criteria.pageOrDefault() > 0) {
			total[0] = db.sql("select count(*) from eservice " + where).params(p).query(Long.class).single();
		}
		return new Page<>(items, criteria.pageOrDefault(), criteria.sizeOrDefault(), total[0]);
	}

	private static void filter(StringBuilder where, Map<String, Object> p, String column, String value) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(column).append(" = :").append(column);
			p.put(column, value);
		}
	}

	private EService map(ResultSet rs, int row) throws SQLException {
		String form = rs.getString("form_schema");
		Timestamp updated = rs.getTimestamp("updated_at");
		BigDecimal fee = rs.getBigDecimal("fee_amount");
		return new EService(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("agency"),
				new Bilingual(rs.getString("title_en"), rs.getString("title_ar")),
				new Bilingual(rs.getString("description_en"), rs.getString("description_ar")), rs.getString("category"),
				rs.getString("life_event"), rs.getInt("level"),
				json.readValue(rs.getString("required_documents"), new TypeReference<List<RequiredDocument>>() {
				}), new Fee(fee, rs.getString("fee_currency")), (Integer) rs.getObject("processing_days"),
				json.readValue(rs.getString("channels"), new TypeReference<List<String>>() {
				}), form == null ? null : json.readTree(form), ServiceStatus.valueOf(rs.getString("status")),
				updated.toInstant(),
				// --- newborn ---
				json.readValue(rs.getString("steps"), new TypeReference<List<ServiceStep>>() {
				})
				// --- end newborn ---
				);
	}

}
