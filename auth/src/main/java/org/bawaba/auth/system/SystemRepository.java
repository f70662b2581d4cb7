package org.bawaba.auth.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bawaba.auth.agency.Bilingual;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SystemRepository {

	private final JdbcClient jdbc;

	SystemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ExternalSystem> find(String id) {
		return jdbc.sql("select * from external_system where id = ?").param(id).query(SystemRepository::row).optional();
	}

	List<ExternalSystem> findAll() {
		return jdbc.sql("select * from external_system order by id").query(SystemRepository::row).list();
	}

	/** Inserts or updates the system; true when it was new. */
	boolean upsert(String id, Bilingual name, List<String> topics, Instant now) {
		boolean created = find(id).isEmpty();
		jdbc.sql("""
				insert into external_system (id, client_id, title_en, title_ar, topics, onboarded_at, updated_at)
				values (:id, :client, :en, :ar, :topics, :now, :now)
				on conflict (id) do update set title_en = excluded.title_en, title_ar = excluded.title_ar,
					topics = excluded.topics, updated_at = excluded.updated_at
				""")
			.param("id", id)
			.param("client", ExternalSystem.clientId(id))
			.param("en", name.en())
			.param("ar", name.ar())
			.param("topics", String.join(",", topics))
			.param("now", java.sql.Timestamp.from(now))
			.update();
		return created;
	}

	void delete(String id) {
		jdbc.sql("delete from external_system where id = ?").param(id).update();
	}

	private static ExternalSystem row(ResultSet rows, int i) throws SQLException {
		return new ExternalSystem(rows.getString("id"), rows.getString("client_id"),
				new Bilingual(rows.getString("title_en"), rows.getString("title_ar")),
				Arrays.asList(rows.getString("topics").split(",")), rows.getTimestamp("onboarded_at").toInstant(),
				rows.getTimestamp("updated_at").toInstant());
	}

}
