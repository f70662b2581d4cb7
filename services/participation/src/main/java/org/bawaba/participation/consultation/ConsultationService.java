package org.bawaba.participation.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bawaba.contracts.participation.Text;
import org.bawaba.participation.consultation.Consultation.Comment;
import org.bawaba.participation.consultation.Consultation.NewComment;
import org.bawaba.participation.consultation.Consultation.NewConsultation;
import org.bawaba.participation.consultation.Consultation.Section;
import org.bawaba.participation.shared.Bilingual;
import org.bawaba.participation.shared.Callers;
import org.bawaba.participation.shared.Messages;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations: staff publish a bilingual draft with sections; during the comment period signed-in citizens
 * comment (on the whole or a section) and reply, and support comments (once each); staff of the agency hide
 * comments with a bilingual reason (the comment stays, marked hidden); after the period the agency publishes
 * its response report.
 */
@Service
class ConsultationService {

	private final JdbcClient jdbc;

	private final Messages messages;

	private final Clock clock;

	ConsultationService(JdbcClient jdbc, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional
	Consultation create(Caller caller, NewConsultation request) {
		String agency = Callers.staffAgency(caller);
		if (!request.closesAt().isAfter(request.opensAt())) {
			throw messages.invalid("closesAt", "consultation.closes-before-opening");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into consultation (id, agency, title_en, title_ar, summary_en, summary_ar, opens_at, closes_at,
				  created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, agency, request.title().en(), request.title().ar(), request.summary().en(),
					request.summary().ar(), ts(request.opensAt()), ts(request.closesAt()), caller.subject(), ts(now()))
			.update();
		int position = 0;
		for (var section : request.sections()) {
			jdbc.sql("""
					insert into consultation_section (id, consultation_id, position, heading_en, heading_ar, body_en, body_ar)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), id, position++, section.heading().en(), section.heading().ar(),
						section.body().en(), section.body().ar())
				.update();
		}
		return get(id);
	}

	Consultation get(UUID id) {
		Instant now = now();
		Consultation consultation = jdbc.sql("select * from consultation where id = ?").param(id)
			.query((rs, n) -> row(rs, now))
			.optional()
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "consultation-not-found", id));
		List<Section> sections = jdbc.sql("""
				select id, heading_en, heading_ar, body_en, body_ar from consultation_section
				where consultation_id = ? order by position""")
			.param(id)
			.query((rs, n) -> new Section(rs.getObject("id", UUID.class),
					new Text(rs.getString("heading_en"), rs.getString("heading_ar")),
					new Text(rs.getString("body_en"), rs.getString("body_ar"))))
			.list();
		return new Consultation(consultation.id(), consultation.agency(), consultation.title(), consultation.summary(),
				sections, consultation.opensAt(), consultation.closesAt(), consultation.report(),
				consultation.reportPublishedAt(), consultation.state());
	}

	List<Consultation> list(@Nullable String agency, int page, int size) {
		Instant now = now();
		return jdbc.sql("""
				select * from consultation where (cast(? as text) is null or agency = ?)
				order by closes_at desc, id limit ? offset ?""")
			.params(agency, agency, size, page * size)
			.query((rs, n) -> row(rs, now))
			.list();
	}

	@Transactional
	Comment comment(Caller caller, UUID consultationId, NewComment request) {
		Callers.requireCitizen(caller);
		Consultation consultation = get(consultationId);
		if (!"OPEN".equals(consultation.state())) {
			throw new ProblemException(HttpStatus.CONFLICT, "consultation-not-open");
		}
		if (request.sectionId() != null
				&& consultation.sections().stream().noneMatch(section -> section.id().equals(request.sectionId()))) {
			throw messages.invalid("sectionId", "consultation.section-unknown");
		}
		UUID sectionId = request.sectionId();
		if (request.parentId() != null) {
			List<UUID> parentSection = jdbc.sql("""
					select section_id from consultation_comment where id = ? and consultation_id = ?""")
				.params(request.parentId(), consultationId)
				.query((rs, n) -> rs.getObject("section_id", UUID.class))
				.list();
			if (parentSection.isEmpty()) {
				throw messages.invalid("parentId", "consultation.parent-unknown");
			}
			sectionId = parentSection.getFirst();
		}
		UUID id = UUID.randomUUID();
		String language = caller.locale() == null ? "en" : caller.locale().getLanguage().toLowerCase(Locale.ROOT);
		jdbc.sql("""
				insert into consultation_comment (id, consultation_id, section_id, parent_id, author_sub, body, language, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, consultationId, sectionId, request.parentId(), caller.subject(), request.body().strip(), language,
					ts(now()))
			.update();
		return comment(id, caller);
	}

	/** Every comment of the consultation in order; hidden ones are marked, with the reason and without the text. */
	List<Comment> comments(UUID consultationId, @Nullable Caller caller) {
		get(consultationId);
		return jdbc.sql("select * from consultation_comment where consultation_id = ? order by created_at, id")
			.param(consultationId)
			.query((rs, n) -> comment(rs, caller))
			.list();
	}

	/** Supports a comment, once per citizen; a repeat changes nothing. */
	@Transactional
	Comment support(Caller caller, UUID commentId) {
		Callers.requireCitizen(caller);
		UUID consultationId = consultationOf(commentId);
		if (!"OPEN".equals(get(consultationId).state())) {
			throw new ProblemException(HttpStatus.CONFLICT, "consultation-not-open");
		}
		if (comment(commentId, caller).hidden()) {
			throw new ProblemException(HttpStatus.CONFLICT, "comment-hidden");
		}
		int added = jdbc.sql("insert into comment_support (comment_id, supporter_sub) values (?, ?) on conflict do nothing")
			.params(commentId, caller.subject())
			.update();
		if (added == 1) {
			jdbc.sql("update consultation_comment set supports = supports + 1 where id = ?").param(commentId).update();
		}
		return comment(commentId, caller);
	}

	@Transactional
	Comment hide(Caller caller, UUID commentId, Bilingual reason) {
		Consultation consultation = get(consultationOf(commentId));
		caller.requireAgency(consultation.agency());
		jdbc.sql("""
				update consultation_comment set hidden_at = ?, hidden_by = ?, hidden_reason_en = ?, hidden_reason_ar = ?
				where id = ?""")
			.params(ts(now()), caller.subject(), reason.en(), reason.ar(), commentId)
			.update();
		return comment(commentId, caller);
	}

	@Transactional
	Consultation publishReport(Caller caller, UUID id, Bilingual report) {
		Consultation consultation = get(id);
		caller.requireAgency(consultation.agency());
		if (!"CLOSED".equals(consultation.state())) {
			throw new ProblemException(HttpStatus.CONFLICT, "consultation-still-open");
		}
		int updated = jdbc.sql("""
				update consultation set report_en = ?, report_ar = ?, report_published_at = ?
				where id = ? and report_published_at is null""")
			.params(report.en(), report.ar(), ts(now()), id)
			.update();
		if (updated == 0) {
			throw new ProblemException(HttpStatus.CONFLICT, "report-published");
		}
		return get(id);
	}

	private UUID consultationOf(UUID commentId) {
		return jdbc.sql("select consultation_id from consultation_comment where id = ?").param(commentId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "comment-not-found", commentId));
	}

	private Comment comment(UUID id, @Nullable Caller caller) {
		return jdbc.sql("select * from consultation_comment where id = ?").param(id)
			.query((rs, n) -> comment(rs, caller))
			.single();
	}

	private static Comment comment(ResultSet rs, @Nullable Caller caller) throws SQLException {
		boolean hidden = rs.getTimestamp("hidden_at") != null;
		return new Comment(rs.getObject("id", UUID.class), rs.getObject("section_id", UUID.class),
				rs.getObject("parent_id", UUID.class), hidden ? null : rs.getString("body"), rs.getString("language"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("supports"), hidden,
				hidden ? new Text(rs.getString("hidden_reason_en"), rs.getString("hidden_reason_ar")) : null,
				caller != null && caller.subject().equals(rs.getString("author_sub")));
	}

	private static Consultation row(ResultSet rs, Instant now) throws SQLException {
		Instant opensAt = rs.getTimestamp("opens_at").toInstant();
		Instant closesAt = rs.getTimestamp("closes_at").toInstant();
		String state = now.isBefore(opensAt) ? "UPCOMING" : now.isBefore(closesAt) ? "OPEN" : "CLOSED";
		Timestamp published = rs.getTimestamp("report_published_at");
		return new Consultation(rs.getObject("id", UUID.class), rs.getString("agency"),
				new Text(rs.getString("title_en"), rs.getString("title_ar")),
				new Text(rs.getString("summary_en"), rs.getString("summary_ar")), List.of(), opensAt, closesAt,
				published == null ? null : new Text(rs.getString("report_en"), rs.getString("report_ar")),
				published == null ? null : published.toInstant(), state);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

}
