package org.bawaba.eservices.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.eservices.catalogue.EService;
import org.bawaba.eservices.catalogue.Fee;
import org.bawaba.eservices.catalogue.Page;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

	private static final String COLUMNS = """
			a.id, a.reference, a.service_code, a.agency, a.citizen_subject, a.status, a.form_data::text as form_data,
			a.fee_amount, a.fee_currency, a.payment_required, a.paid_at, a.assignee, a.created_at, a.submitted_at,
			a.completed_at, a.status = 'COMPLETED' and not exists (select 1 from rating r where r.application_id = a.id)
			  as rating_invited""";

	private final JdbcClient db;

	private final JsonMapper json;

	ApplicationRepository(JdbcClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	UUID insert(EService service, String citizen, JsonNode formData) {
		UUID id = UUID.randomUUID();
		long number = db.sql("select nextval('application_reference_seq')").query(Long.class).single();
		String reference = "ES-%d-%06d".formatted(Year.now().getValue(), number);
		db.sql("""
				insert into application (id, reference, service_code, agency, citizen_subject, status, form_data,
				  fee_amount, fee_currency, payment_required)
				values (?, ?, ?, ?, ?, 'DRAFT', cast(? as jsonb), ?, ?, ?)""")
			.params(id, reference, service.code(), service.agency(), citizen, json.writeValueAsString(formData),
					service.fee().amount(), service.fee().currency(), service.requiresOnlinePayment())
			.update();
		history(id, null, ApplicationStatus.DRAFT, "create", citizen, null);
		return id;
	}

	Optional<Application> find(UUID id) {
		return db.sql("select " + COLUMNS + " from application a where a.id = ?").param(id).query(this::map).optional();
	}

	/** Moves the application if it still has status {@code from}; false when someone else moved it first. */
	boolean move(UUID id, ApplicationStatus from, ApplicationStatus to) {
		return db.sql("""
				update application set status = :to, updated_at = now(),
				  submitted_at = case when :to = 'SUBMITTED' then now() else submitted_at end,
				  completed_at = case when :to = 'COMPLETED' then now() else completed_at end
				where id = :id and status = :from""")
			.param("to", to.name())
			.param("from", from.name())
			.param("id", id)
			.update() == 1;
	}

	void updateForm(UUID id, JsonNode formData) {
		db.sql("update application set form_data = cast(? as jsonb), updated_at = now() where id = ?")
			.params(json.writeValueAsString(formData), id)
			.update();
	}

	void assign(UUID id, String assignee) {
		db.sql("update application set assignee = ?, updated_at = now() where id = ?").params(assignee, id).update();
	}

	/** Marks the fee paid once; false when it was paid already. */
	boolean markPaid(UUID id, Instant at) {
		return db.sql("update application set paid_at = ?, updated_at = now() where id = ? and paid_at is null")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	void history(UUID id, @Nullable ApplicationStatus from, ApplicationStatus to, String action, String actor,
			@Nullable String note) {
		db.sql("""
				insert into application_history (application_id, from_status, to_status, action, actor, note)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, from == null ? null : from.name(), to.name(), action, actor, note)
			.update();
	}

	List<HistoryEntry> history(UUID id) {
		return db.sql("""
				select from_status, to_status, action, actor, note, at from application_history
				where application_id = ? order by id""")
			.param(id)
			.query((rs, n) -> new HistoryEntry(
					rs.getString(1) == null ? null : ApplicationStatus.valueOf(rs.getString(1)),
					ApplicationStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	Page<Application> mine(String citizen, @Nullable ApplicationStatus status, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		p.put("citizen", citizen);
		String where = "where a.citizen_subject = :citizen";
		if (status != null) {
			where += " and a.status = :status";
			p.put("status", status.name());
		}
		return page(where, "a.created_at desc", p, page, size);
	}

	Page<Application> queue(String agency, @Nullable ApplicationStatus status, @Nullable String serviceCode,
			@Nullable String assignee, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		p.put("agency", agency);
		StringBuilder where = new StringBuilder("where a.agency = :agency and a.status <> 'DRAFT'");
		if (status != null) {
			where.append(" and a.status = :status");
			p.put("status", status.name());
		}
		if (serviceCode != null) {
			where.append(" and a.service_code = :service");
			p.put("service", serviceCode);
		}
		if (assignee != null) {
			where.append(assignee.isEmpty() ? " and a.assignee is null" : " and a.assignee = :assignee");
			p.put("assignee", assignee);
		}
		return page(where.toString(), "a.submitted_at, a.id", p, page, size);
	}

	private Page<Application> page(String where, String order, Map<String, Object> p, int page, int size) {
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<Application> items = db.sql("select " + COLUMNS + " from application a " + where + " order by " + order
				+ " limit :limit offset :offset")
			.params(p)
			.query(this::map)
			.list();
		long total = db.sql("select count(*) from application a " + where).params(p).query(Long.class).single();
		return new Page<>(items, page, size, total);
	}

	private Application map(ResultSet rs, int row) throws SQLException {
		return new Application(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("service_code"),
				rs.getString("agency"), rs.getString("citizen_subject"),
				ApplicationStatus.valueOf(rs.getString("status")), json.readTree(rs.getString("form_data")),
				new Fee(rs.getBigDecimal("fee_amount"), rs.getString("fee_currency")), rs.getBoolean("payment_required"),
				rs.getTimestamp("paid_at") != null, rs.getString("assignee"), instant(rs, "created_at"),
				instant(rs, "submitted_at"), instant(rs, "completed_at"), rs.getBoolean("rating_invited"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
