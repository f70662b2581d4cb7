package org.bawaba.participation.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.participation.ComplaintKind;
import org.bawaba.contracts.participation.ComplaintStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ComplaintRepository {

	private final JdbcClient jdbc;

	ComplaintRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return jdbc.sql("select nextval('complaint_tracking_seq')").query(Long.class).single();
	}

	void insert(Complaint c) {
		jdbc.sql("""
				insert into complaint (id, tracking_number, kind, agency, service_code, citizen_sub, subject, description,
				  latitude, longitude, address, channel, status, filed_at, updated_at, first_reply_due_at, resolution_due_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.trackingNumber(), c.kind().name(), c.agency(), c.serviceCode(), c.citizen(), c.subject(),
					c.description(), c.latitude(), c.longitude(), c.address(), c.channel(), c.status().name(),
					ts(c.filedAt()), ts(c.updatedAt()), ts(c.firstReplyDueAt()), ts(c.resolutionDueAt()))
			.update();
	}

	Optional<Complaint> find(UUID id) {
		return jdbc.sql("select * from complaint where id = ?").param(id).query(this::row).optional();
	}

	Optional<Complaint> findForUpdate(UUID id) {
		return jdbc.sql("select * from complaint where id = ? for update").param(id).query(this::row).optional();
	}

	Optional<Complaint> findByTrackingNumber(String trackingNumber) {
		return jdbc.sql("select * from complaint where tracking_number = ?").param(trackingNumber).query(this::row)
			.optional();
	}

	List<Complaint> search(@Nullable String citizen, @Nullable String agency, @Nullable ComplaintStatus status,
			@Nullable Boolean breached, int page, int size) {
		StringBuilder sql = new StringBuilder("select * from complaint where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (citizen != null) {
			sql.append(" and citizen_sub = ?");
			args.add(citizen);
		}
		if (agency != null) {
			sql.append(" and agency = ?");
			args.add(agency);
		}
		if (status != null) {
			sql.append(" and status = ?");
			args.add(status.name());
		}
		if (breached != null) {
			sql.append(" and sla_breached = ?");
			args.add(breached);
		}
		sql.append(" order by filed_at desc, id limit ? offset ?");
		args.add(size);
		args.add(page * size);
		return jdbc.sql(sql.toString()).params(args).query(this::row).list();
	}

	void update(Complaint c) {
		jdbc.sql("""
				update complaint set status = ?, assignee = ?, reopened = ?, updated_at = ?, resolution_due_at = ?,
				  first_replied_at = ?, resolved_at = ?, sla_breached = ?, reply_breached = ?, resolution_breached = ?
				where id = ?""")
			.params(c.status().name(), c.assignee(), c.reopened(), ts(c.updatedAt()), ts(c.resolutionDueAt()),
					ts(c.firstRepliedAt()), ts(c.resolvedAt()), c.slaBreached(), c.replyBreached(),
					c.resolutionBreached(), c.id())
			.update();
	}

	void step(UUID complaintId, ComplaintStatus status, String action, String actor, @Nullable String note, Instant at) {
		jdbc.sql("insert into complaint_event (complaint_id, status, action, actor_sub, note, at) values (?, ?, ?, ?, ?, ?)")
			.params(complaintId, status.name(), action, actor, note, ts(at))
			.update();
	}

	List<Complaint.Step> history(Complaint complaint) {
		return jdbc.sql("select status, action, actor_sub, note, at from complaint_event where complaint_id = ? order by id")
			.param(complaint.id())
			.query((rs, n) -> new Complaint.Step(ComplaintStatus.valueOf(rs.getString("status")), rs.getString("action"),
					rs.getString("note"), rs.getTimestamp("at").toInstant(),
					complaint.citizen().equals(rs.getString("actor_sub"))))
			.list();
	}

	/** Open complaints with a deadline passed that is not flagged yet, locked for the caller's transaction. */
	List<UUID> breachedUnflagged(Instant now, int limit) {
		return jdbc.sql("""
				select id from complaint
				where status not in ('RESOLVED', 'CLOSED')
				  and ((first_replied_at is null and first_reply_due_at <= ? and not reply_breached)
				    or (resolution_due_at <= ? and not resolution_breached))
				order by resolution_due_at limit ? for update skip locked""")
			.params(ts(now), ts(now), limit)
			.query(UUID.class)
			.list();
	}

	void insertAttachment(UUID complaintId, Complaint.Attachment a, String uploadedBy) {
		jdbc.sql("""
				insert into complaint_attachment (id, complaint_id, filename, content_type, size, sha256, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), complaintId, a.filename(), a.contentType(), a.size(), a.sha256(), uploadedBy, ts(a.uploadedAt()))
			.update();
	}

	List<Complaint.Attachment> attachments(UUID complaintId) {
		return jdbc.sql("""
				select id, filename, content_type, size, sha256, uploaded_at from complaint_attachment
				where complaint_id = ? order by uploaded_at, id""")
			.param(complaintId)
			.query((rs, n) -> new Complaint.Attachment(rs.getObject("id", UUID.class), rs.getString("filename"),
					rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
					rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	private Complaint row(ResultSet rs, int n) throws SQLException {
		return new Complaint(rs.getObject("id", UUID.class), rs.getString("tracking_number"),
				ComplaintKind.valueOf(rs.getString("kind")), rs.getString("agency"), rs.getString("service_code"),
				rs.getString("citizen_sub"), rs.getString("subject"), rs.getString("description"),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class), rs.getString("address"),
				rs.getString("channel"), ComplaintStatus.valueOf(rs.getString("status")), rs.getString("assignee"),
				rs.getBoolean("reopened"), instant(rs.getTimestamp("filed_at")), instant(rs.getTimestamp("updated_at")),
				instant(rs.getTimestamp("first_reply_due_at")), instant(rs.getTimestamp("resolution_due_at")),
				instant(rs.getTimestamp("first_replied_at")), instant(rs.getTimestamp("resolved_at")),
				rs.getBoolean("sla_breached"), rs.getBoolean("reply_breached"), rs.getBoolean("resolution_breached"),
				null, null);
	}

	private static Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
