package org.bawaba.eservices.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.eservices.catalogue.Bilingual;
import org.bawaba.eservices.catalogue.ServiceStep;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StepRepository {

	private final JdbcClient db;

	StepRepository(JdbcClient db) {
		this.db = db;
	}

	void insert(UUID application, int position, ServiceStep step, Instant requestedAt, Instant dueAt) {
		db.sql("""
				insert into application_step (application_id, position, step, agency, title_en, title_ar, status,
				  requested_at, due_at)
				values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(application, position, step.step(), step.agency(), step.title().en(), step.title().ar(),
					Timestamp.from(requestedAt), Timestamp.from(dueAt))
			.update();
	}

	List<ApplicationStep> of(UUID application) {
		return db.sql("select * from application_step where application_id = ? order by position")
			.param(application)
			.query(StepRepository::map)
			.list();
	}

	Optional<ApplicationStep> find(UUID application, String step) {
		return db.sql("select * from application_step where application_id = ? and step = ? for update")
			.params(application, step)
			.query(StepRepository::map)
			.optional();
	}

	/** Completes the step unless it is completed already; false when it was. */
	boolean complete(UUID application, String step, String reference, Instant at) {
		return db.sql("""
				update application_step set status = 'COMPLETED', reference = ?, reason_en = null, reason_ar = null,
				  updated_at = ?
				where application_id = ? and step = ? and status <> 'COMPLETED'""")
			.params(reference, Timestamp.from(at), application, step)
			.update() == 1;
	}

	/** Fails a step that is pending or overdue; false otherwise. */
	boolean fail(UUID application, String step, String reasonEn, String reasonAr, Instant at) {
		return db.sql("""
				update application_step set status = 'FAILED', reason_en = ?, reason_ar = ?, updated_at = ?
				where application_id = ? and step = ? and status in ('PENDING', 'OVERDUE')""")
			.params(reasonEn, reasonAr, Timestamp.from(at), application, step)
			.update() == 1;
	}

	/** Marks pending steps past their deadline overdue, at most {@code limit}; returns the application and step. */
	List<Overdue> markOverdue(Instant now, int limit) {
		return db.sql("""
				update application_step s set status = 'OVERDUE', updated_at = :now
				where (s.application_id, s.step) in (
				  select application_id, step from application_step
				  where status = 'PENDING' and due_at < :now order by due_at limit :limit for update skip locked)
				returning s.application_id, s.step, s.agency, s.due_at""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	boolean allCompleted(UUID application) {
		return db.sql("""
				select coalesce(bool_and(status = 'COMPLETED'), false) from application_step where application_id = ?""")
			.param(application)
			.query(Boolean.class)
			.single();
	}

	record Overdue(UUID application, String step, String agency, Instant dueAt) {
	}

	private static ApplicationStep map(ResultSet rs, int n) throws SQLException {
		String reasonEn = rs.getString("reason_en");
		return new ApplicationStep(rs.getString("step"), rs.getString("agency"),
				new Bilingual(rs.getString("title_en"), rs.getString("title_ar")),
				StepStatus.valueOf(rs.getString("status")), rs.getTimestamp("due_at").toInstant(),
				rs.getString("reference"), reasonEn == null ? null : new Bilingual(reasonEn, rs.getString("reason_ar")),
				instant(rs.getTimestamp("updated_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
