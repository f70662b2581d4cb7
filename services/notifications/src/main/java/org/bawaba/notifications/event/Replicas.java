package org.bawaba.notifications.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bawaba.notifications.support.PgArrays;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Local copies of what procurement's events say about suppliers (members, subscribed categories) and
 * tenders (category), so the recipients of a tender, clarification or award notice can be found here.
 */
@Component
class Replicas {

	static final String SUPPLIER_UPDATED = "org.bawaba.procurement.supplier.updated.v1";

	static final String TENDER_PUBLISHED = "org.bawaba.procurement.tender.published.v1";

	private final JdbcClient jdbc;

	Replicas(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void apply(String type, JsonNode data) {
		if (SUPPLIER_UPDATED.equals(type)) {
			String updatedAt = text(data, "updatedAt");
			jdbc.sql("""
					insert into supplier (supplier_id, name, categories, members, updated_at)
					values (?, ?, ?::text[], ?::text[], ?)
					on conflict (supplier_id) do update set name = excluded.name, categories = excluded.categories,
					  members = excluded.members, updated_at = excluded.updated_at
					where supplier.updated_at <= excluded.updated_at""")
				.params(require(data, "supplierId"), text(data, "name"), PgArrays.text(strings(data, "categories")),
						PgArrays.text(strings(data, "members")),
						Timestamp.from(updatedAt == null ? Instant.now() : Instant.parse(updatedAt)))
				.update();
		}
		else if (TENDER_PUBLISHED.equals(type)) {
			jdbc.sql("""
					insert into tender (tender_id, category, title) values (?, ?, ?::jsonb)
					on conflict (tender_id) do update set category = excluded.category, title = excluded.title""")
				.params(require(data, "tenderId"), require(data, "category"),
						data.get("title") == null ? null : data.get("title").toString())
				.update();
		}
	}

	List<String> supplierMembers(String supplierId) {
		return jdbc.sql("select distinct unnest(members) from supplier where supplier_id = ?").param(supplierId)
			.query(String.class).list();
	}

	List<String> categorySubscribers(String category) {
		return jdbc.sql("select distinct unnest(members) from supplier where ? = any(categories)").param(category)
			.query(String.class).list();
	}

	@Nullable String tenderCategory(String tenderId) {
		return jdbc.sql("select category from tender where tender_id = ?").param(tenderId).query(String.class)
			.optional().orElse(null);
	}

	static @Nullable String text(JsonNode data, String field) {
		JsonNode node = data.get(field);
		return node == null || node.isNull() ? null : node.asString();
	}

	static String require(JsonNode data, String field) {
		String value = text(data, field);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Event data without " + field);
		}
		return value;
	}

	private static List<String> strings(JsonNode data, String field) {
		List<String> values = new ArrayList<>();
		JsonNode node = data.get(field);
		if (node != null && node.isArray()) {
			node.forEach(item -> values.add(item.asString()));
		}
		return values;
	}

}
