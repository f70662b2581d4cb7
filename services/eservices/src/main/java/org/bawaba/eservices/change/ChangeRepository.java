package org.bawaba.eservices.change;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.eservices.ChangeKind;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChangeRepository {

	/** A change as stored; {@code newValue} is the JSON of the new address or phone. */
	record Report(UUID id, String citizen, ChangeKind kind, String newValue, Instant reportedAt, Instant deadline,
			Instant completedAt) {
	}

	/** One agency's row. */
	record Confirmation(UUID changeId, String agency, String status, String reasonEn, String reasonAr, boolean late,
			int attempts, Instant lastAskedAt, Instant confirmedAt) {
	}

	private static final RowMapper<Report> REPORT = (rows, i) -> new Report(rows.getObject("id", UUID.class),
			rows.getString("citizen"), ChangeKind.valueOf(rows.getString("kind")), rows.getString("new_value"),
			instant(rows.getTimestamp("reported_at")), instant(rows.getTimestamp("deadline")),
			instant(rows.getTimestamp("completed_at")));

	private static final RowMapper<Confirmation> CONFIRMATION = (rows, i) -> new Confirmation(
			rows.getObject("change_id", UUID.class), rows.getString("agency"), rows.getString("status"),
			rows.getString("reason_en"), rows.getString("reason_ar"), rows.getBoolean("late"), rows.getInt("attempts"),
			instant(rows.getTimestamp("last_asked_at")), instant(rows.getTimestamp("confirmed_at")));

	private final JdbcClient jdbc;

	ChangeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Report report, List<String> agencies) {
		jdbc.sql("""
				insert into change_report (id, citizen, kind, new_value, reported_at, deadline)
				values (?, ?, ?, cast(? as jsonb), ?, ?)""")
			.params(report.id(), report.citizen(), report.kind().name(), report.newValue(),
					Timestamp.from(report.reportedAt()), Timestamp.from(report.deadline()))
			.update();
		for (String agency : agencies) {
			jdbc.sql("""
					insert into change_confirmation (change_id, agency, status, last_asked_at)
					values (?, ?, 'PENDING', ?)""")
				.params(report.id(), agency, Timestamp.from(report.reportedAt()))
				.update();
		}
	}

	Optional<Report> find(UUID id) {
		return jdbc.sql("select * from change_report where id = ?").param(id).query(REPORT).optional();
	}

	List<Report> ofCitizen(String citizen) {
		return jdbc.sql("select * from change_report where citizen = ? order by reported_at desc")
			.param(citizen)
			.query(REPORT)
			.list();
	}

	List<Confirmation> confirmations(UUID changeId) {
		return jdbc.sql("select * from change_confirmation where change_id = ? order by agency")
			.param(changeId)
			.query(CONFIRMATION)
			.list();
	}

	/** Records an agency's answer; false when that agency was not asked about that change. */
	boolean confirm(UUID changeId, String agency, String status, String reasonEn, String reasonAr, Instant at) {
		return jdbc.sql("""
				update change_confirmation set status = ?, reason_en = ?, reason_ar = ?, confirmed_at = ?
				where change_id = ? and agency = ?""")
			.params(status, reasonEn, reasonAr, Timestamp.from(at), changeId, agency)
			.update() == 1;
	}

	/** Marks the change completed; false when it already was (whoever completes it first publishes the outcome). */
	boolean complete(UUID changeId, Instant at) {
		return jdbc.sql("update change_report set completed_at = ? where id = ? and completed_at is null")
			.params(Timestamp.from(at), changeId)
			.update() == 1;
	}

	/** Open changes whose deadline passed, locked for this instance. */
	List<UUID> overdue(Instant now, int limit) {
		return jdbc.sql("""
				select id from change_report where completed_at is null and deadline <= ?
				order by deadline limit ? for update skip locked""")
			.params(Timestamp.from(now), limit)
			.query(UUID.class)
			.list();
	}

	/** Marks the agencies that have not answered as late. */
	void markLate(UUID changeId) {
		jdbc.sql("update change_confirmation set late = true where change_id = ? and status = 'PENDING'")
			.param(changeId)
			.update();
	}

	/** Late agencies due to be asked again, locked for this instance. */
	List<Confirmation> dueForRetry(Instant askedBefore, int maxAttempts, int limit) {
		return jdbc.sql("""
				select * from change_confirmation
				where status = 'PENDING' and late and attempts < ? and last_asked_at <= ?
				order by last_asked_at limit ? for update skip locked""")
			.params(maxAttempts, Timestamp.from(askedBefore), limit)
			.query(CONFIRMATION)
			.list();
	}

	void asked(UUID changeId, String agency, int attempts, Instant at) {
		jdbc.sql("update change_confirmation set attempts = ?, last_asked_at = ? where change_id = ? and agency = ?")
			.params(attempts, Timestamp.from(at), changeId, agency)
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
