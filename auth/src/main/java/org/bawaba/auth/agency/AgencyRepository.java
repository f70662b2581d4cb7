package org.bawaba.auth.agency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgencyRepository {

	private final JdbcClient jdbc;

	AgencyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Agency> find(String code) {
		return jdbc.sql("select * from agency where code = ?")
			.param(code)
			.query((rows, i) -> new Agency(rows.getString("code"),
					new Bilingual(rows.getString("title_en"), rows.getString("title_ar")),
					Agency.Status.valueOf(rows.getString("status")), services(code), journeys(code),
					instant(rows.getTimestamp("onboarded_at")), instant(rows.getTimestamp("updated_at")),
					instant(rows.getTimestamp("offboarded_at"))))
			.optional();
	}

	List<Agency> findAll() {
		return jdbc.sql("select code from agency order by code")
			.query(String.class)
			.list()
			.stream()
			.map(code -> find(code).orElseThrow())
			.toList();
	}

	/** Inserts or updates the agency as ACTIVE; true when it was new. */
	boolean upsert(String code, Bilingual name, Instant now) {
		boolean created = find(code).isEmpty();
		jdbc.sql("""
				insert into agency (code, title_en, title_ar, status, onboarded_at, updated_at)
				values (:code, :en, :ar, 'ACTIVE', :now, :now)
				on conflict (code) do update set title_en = excluded.title_en, title_ar = excluded.title_ar,
					status = 'ACTIVE', updated_at = excluded.updated_at, offboarded_at = null
				""")
			.param("code", code)
			.param("en", name.en())
			.param("ar", name.ar())
			.param("now", Timestamp.from(now))
			.update();
		return created;
	}

	void addService(String code, String service, String clientId, Instant now) {
		jdbc.sql("""
				insert into agency_service (agency, name, client_id, created_at) values (?, ?, ?, ?)
				on conflict (agency, name) do nothing
				""")
			.params(code, service, clientId, Timestamp.from(now))
			.update();
	}

	/** The journeys the agency takes part in are exactly {@code journeys}. */
	void setJourneys(String code, List<Journey> journeys) {
		jdbc.sql("delete from agency_journey where agency = ?").param(code).update();
		for (Journey journey : journeys) {
			jdbc.sql("insert into agency_journey (agency, journey) values (?, ?)").params(code, journey.name()).update();
		}
	}

	void secretRotated(String code, String service, Instant now) {
		jdbc.sql("update agency_service set secret_rotated_at = ? where agency = ? and name = ?")
			.params(Timestamp.from(now), code, service)
			.update();
	}

	void offboard(String code, Instant now) {
		jdbc.sql("update agency set status = 'OFFBOARDED', offboarded_at = ?, updated_at = ? where code = ?")
			.params(Timestamp.from(now), Timestamp.from(now), code)
			.update();
	}

	private List<Agency.AgencyService> services(String code) {
		return jdbc.sql("select * from agency_service where agency = ? order by name")
			.param(code)
			.query((rows, i) -> new Agency.AgencyService(rows.getString("name"), rows.getString("client_id"),
					"/api/agencies/" + code + "/" + rows.getString("name"), instant(rows.getTimestamp("created_at")),
					instant(rows.getTimestamp("secret_rotated_at"))))
			.list();
	}

	private List<Journey> journeys(String code) {
		return jdbc.sql("select journey from agency_journey where agency = ? order by journey")
			.param(code)
			.query((rows, i) -> Journey.valueOf(rows.getString("journey")))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
