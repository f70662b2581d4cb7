package org.bawaba.procurement.tender;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.procurement.ClarificationAnsweredV1;
import org.bawaba.contracts.procurement.Money;
import org.bawaba.contracts.procurement.TenderAmendedV1;
import org.bawaba.contracts.procurement.TenderCancelledV1;
import org.bawaba.contracts.procurement.TenderPublishedV1;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.procurement.ProcurementProperties;
import org.bawaba.procurement.ocds.Publication;
import org.bawaba.procurement.sealing.TenderKeys;
import org.bawaba.procurement.supplier.Supplier;
import org.bawaba.procurement.supplier.SupplierService;
import org.bawaba.procurement.web.AuditLog;
import org.bawaba.procurement.web.Page;
import org.bawaba.procurement.web.Text;
import org.bawaba.procurement.web.Times;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenders and their clarifications: who may do what when, the deadline rules, versions, and the events and
 * OCDS releases of every public change (in the transaction of the change).
 */
@Service
public class TenderService {

	private final TenderRepository tenders;

	private final JdbcClient db;

	private final TenderKeys keys;

	private final SupplierService suppliers;

	private final Publication publication;

	private final EventPublisher events;

	private final AuditLog audit;

	private final ProcurementProperties properties;

	private final Clock clock;

	TenderService(TenderRepository tenders, JdbcClient db, TenderKeys keys, SupplierService suppliers,
			Publication publication, EventPublisher events, AuditLog audit, ProcurementProperties properties,
			Clock clock) {
		this.tenders = tenders;
		this.db = db;
		this.keys = keys;
		this.suppliers = suppliers;
		this.publication = publication;
		this.events = events;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Tender create(Caller caller, Requests.TenderText text) {
		String agency = staffAgency(caller);
		validate(text, null);
		UUID id = UUID.randomUUID();
		tenders.insert(id, properties.ocds().ocidPrefix() + "-" + id, agency, text, caller.subject(), Times.now(clock));
		return tenders.find(id).orElseThrow();
	}

	@Transactional
	Tender update(Caller caller, UUID id, Requests.TenderText text) {
		Tender tender = forStaff(caller, id);
		requireStatus(tender, "edit", TenderStatus.DRAFT);
		validate(text, null);
		tenders.updateText(id, text, text.submissionDeadline(), text.openingTime());
		return tenders.find(id).orElseThrow();
	}

	@Transactional
	Tender publish(Caller caller, UUID id) {
		Tender tender = forStaff(caller, id);
		requireStatus(tender, "publish", TenderStatus.DRAFT);
		Instant now = Times.now(clock);
		if (!tender.clarificationDeadline().isAfter(now)) {
			throw new ProblemException(HttpStatus.CONFLICT, "deadline-passed", "clarificationDeadline");
		}
		if (!tenders.move(id, TenderStatus.DRAFT, TenderStatus.PUBLISHED, now)) {
			throw illegal(tender, "publish");
		}
		TenderKeys.StoredKey key = keys.create(id, tender.openingTime());
		db.sql("insert into tender_key (tender_id, public_key, wrapped_private_key, opening_time_tag, created_at) "
				+ "values (?, ?, ?, ?, ?)")
			.params(id, key.publicKey(), key.wrappedPrivateKey(), key.openingTimeTag(), Timestamp.from(now))
			.update();
		tenders.newVersion(id, 1, null, now);
		Tender published = tenders.find(id).orElseThrow();
		events.publish(new TenderPublishedV1(id, published.ocid(), published.agency(), published.title().bilingual(),
				published.category(), money(published.estimatedValue()), published.clarificationDeadline(),
				published.submissionDeadline(), published.openingTime(), now));
		publication.publish(id, "tender", now);
		audit.record(caller.subject(), "tender-published", id, null);
		return tenders.find(id).orElseThrow();
	}

	/**
	 * Amends a published tender before its submission deadline. When less than the rules' minimum period
	 * would remain before the (new) submission deadline, the deadline moves to now + that period and the
	 * opening by the same amount.
	 */
	@Transactional
	Tender amend(Caller caller, UUID id, Requests.Amendment amendment) {
		Tender tender = forStaff(caller, id);
		requireStatus(tender, "amend", TenderStatus.PUBLISHED);
		Instant now = Times.now(clock);
		if (!now.isBefore(tender.submissionDeadline())) {
			throw new ProblemException(HttpStatus.CONFLICT, "deadline-passed", "submissionDeadline");
		}
		Requests.TenderText text = amendment.tender();
		validate(text, now);
		Instant submission = text.submissionDeadline();
		Instant opening = text.openingTime();
		Instant earliest = now.plus(properties.rules().amendmentMinimumPeriod());
		boolean extended = submission.isBefore(earliest);
		if (extended) {
			Duration shift = Duration.between(submission, earliest);
			submission = earliest;
			opening = opening.plus(shift);
		}
		tenders.lock(id);
		tenders.updateText(id, text, submission, opening);
		db.sql("update tender_key set opening_time_tag = ? where tender_id = ?")
			.params(keys.openingTimeTag(id, opening), id)
			.update();
		int version = tender.version() + 1;
		tenders.newVersion(id, version, amendment.rationale(), now);
		Tender amended = tenders.find(id).orElseThrow();
		events.publish(new TenderAmendedV1(id, amended.ocid(), amended.agency(), version, amendment.rationale(),
				amended.clarificationDeadline(), amended.submissionDeadline(), amended.openingTime(), extended, now));
		publication.publish(id, "tenderAmendment", now);
		audit.record(caller.subject(), "tender-amended", id, "version " + version + (extended ? ", deadline extended" : ""));
		return tenders.find(id).orElseThrow();
	}

	/**
	 * Cancels a tender before its award, with a reason. Cancelled before the opening, its opening key is
	 * destroyed: its bids can never be read.
	 */
	@Transactional
	Tender cancel(Caller caller, UUID id, String reason) {
		Tender tender = forStaff(caller, id);
		requireStatus(tender, "cancel", TenderStatus.PUBLISHED, TenderStatus.OPENED, TenderStatus.EVALUATED);
		Instant now = Times.now(clock);
		if (!tenders.move(id, tender.status(), TenderStatus.CANCELLED, now)) {
			throw illegal(tender, "cancel");
		}
		tenders.cancelReason(id, reason);
		if (tender.status() == TenderStatus.PUBLISHED) {
			db.sql("update tender_key set wrapped_private_key = null, destroyed_at = ? where tender_id = ?")
				.params(Timestamp.from(now), id)
				.update();
			audit.record(caller.subject(), "opening-key-destroyed", id, "cancelled before the opening");
		}
		events.publish(new TenderCancelledV1(id, tender.ocid(), tender.agency(), reason, now));
		publication.publish(id, "tenderCancellation", now);
		audit.record(caller.subject(), "tender-cancelled", id, reason);
		return tenders.find(id).orElseThrow();
	}

	/** A tender: drafts only for their agency's staff (and platform admins), 404 for anyone else. */
	public Tender visible(Optional<Caller> caller, UUID id) {
		Tender tender = tenders.find(id).orElse(null);
		if (tender == null || tender.isDraft() && caller.map(c -> !ownAgency(c, tender)).orElse(true)) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "tender-not-found", id);
		}
		return tender;
	}

	/** A tender of the caller's agency (staff, or platform admins for any): 404 if none, 403 if another agency's. */
	public Tender forStaff(Caller caller, UUID id) {
		Tender tender = tenders.find(id).orElse(null);
		if (tender == null || tender.isDraft() && !ownAgency(caller, tender)) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "tender-not-found", id);
		}
		caller.requireAgency(tender.agency());
		return tender;
	}

	Page<Tender> list(@Nullable String agency, @Nullable String category, @Nullable TenderStatus status, int page,
			int size) {
		if (status == TenderStatus.DRAFT) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "status");
		}
		return new Page<>(tenders.list(agency, category, status, false, page, size), page, size,
				tenders.count(agency, category, status, false));
	}

	Page<Tender> drafts(Caller caller, int page, int size) {
		String agency = staffAgency(caller);
		return new Page<>(tenders.list(agency, null, null, true, page, size), page, size,
				tenders.count(agency, null, null, true));
	}

	List<TenderRepository.FeedEntry> changes(long offset, int limit) {
		return tenders.changedAfter(offset, limit);
	}

	List<TenderRepository.Version> versions(UUID id) {
		visible(Optional.empty(), id);
		return tenders.versions(id);
	}

	String version(UUID id, int version) {
		visible(Optional.empty(), id);
		return tenders.snapshot(id, version)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "version-not-found", version));
	}

	// --- clarifications ---

	@Transactional
	Clarification ask(Caller caller, UUID id, String question) {
		Supplier supplier = suppliers.own(caller);
		Tender tender = visible(Optional.of(caller), id);
		requireStatus(tender, "ask", TenderStatus.PUBLISHED);
		Instant now = Times.now(clock);
		if (!now.isBefore(tender.clarificationDeadline())) {
			throw new ProblemException(HttpStatus.CONFLICT, "deadline-passed", "clarificationDeadline");
		}
		UUID clarificationId = UUID.randomUUID();
		db.sql("insert into clarification (id, tender_id, supplier_id, question, asked_at) values (?, ?, ?, ?, ?)")
			.params(clarificationId, id, supplier.id(), question, Timestamp.from(now))
			.update();
		return clarification(clarificationId, supplier.id());
	}

	@Transactional
	Clarification answer(Caller caller, UUID id, UUID clarificationId, Text answer) {
		Tender tender = forStaff(caller, id);
		requireStatus(tender, "answer", TenderStatus.PUBLISHED);
		Instant now = Times.now(clock);
		int updated = db.sql("update clarification set answer_en = ?, answer_ar = ?, answered_at = ?, answered_by = ? "
				+ "where id = ? and tender_id = ? and answered_at is null")
			.params(answer.en(), answer.ar(), Timestamp.from(now), caller.subject(), clarificationId, id)
			.update();
		if (updated == 0) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "clarification-not-found", clarificationId);
		}
		events.publish(new ClarificationAnsweredV1(id, tender.ocid(), tender.agency(), clarificationId, now));
		publication.publish(id, "tenderUpdate", now);
		return clarification(clarificationId, null);
	}

	/**
	 * The questions about a tender: answered ones for everyone; the agency's staff also see unanswered ones;
	 * a supplier also its own. Nobody sees who asked (a supplier's own are marked {@code mine}).
	 */
	List<Clarification> clarifications(Optional<Caller> caller, UUID id) {
		Tender tender = visible(caller, id);
		boolean staff = caller.map(c -> ownAgency(c, tender)).orElse(false);
		UUID own = caller.flatMap(suppliers::ofCaller).map(Supplier::id).orElse(null);
		return db.sql("""
				select id, question, answer_en, answer_ar, asked_at, answered_at, supplier_id = :own as mine
				from clarification
				where tender_id = :tender and (answered_at is not null or :staff or supplier_id = :own)
				order by asked_at, id""")
			.param("own", own)
			.param("tender", id)
			.param("staff", staff)
			.query(Clarification::map)
			.list();
	}

	private Clarification clarification(UUID id, @Nullable UUID own) {
		return db.sql("select id, question, answer_en, answer_ar, asked_at, answered_at, supplier_id = :own as mine "
				+ "from clarification where id = :id")
			.param("own", own)
			.param("id", id)
			.query(Clarification::map)
			.single();
	}

	// --- rules ---

	private void validate(Requests.TenderText text, @Nullable Instant now) {
		if (!properties.isCategory(text.category())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "category-unknown", text.category());
		}
		if (text.clarificationDeadline().isAfter(text.submissionDeadline())
				|| text.submissionDeadline().isAfter(text.openingTime())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "deadlines-out-of-order");
		}
		if (!Times.now(clock).isBefore(text.submissionDeadline())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "deadline-in-the-past", "submissionDeadline");
		}
		if (text.criteria() != null && !text.criteria().isEmpty()
				&& text.criteria().stream().mapToInt(Requests.Criterion::weight).sum() != 100) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "criteria-weights");
		}
		if (now != null && text.clarificationDeadline().isBefore(now)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "deadline-in-the-past", "clarificationDeadline");
		}
	}

	private static String staffAgency(Caller caller) {
		if (!caller.isAgencyStaff() || caller.agency() == null) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
		}
		return caller.agency();
	}

	private static boolean ownAgency(Caller caller, Tender tender) {
		return caller.isPlatformAdmin() || caller.isAgencyStaff() && tender.agency().equals(caller.agency());
	}

	public static void requireStatus(Tender tender, String action, TenderStatus... allowed) {
		for (TenderStatus status : allowed) {
			if (tender.status() == status) {
				return;
			}
		}
		throw illegal(tender, action);
	}

	public static ProblemException illegal(Tender tender, String action) {
		return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", tender.status(), action);
	}

	public static Money money(Tender.Value value) {
		return new Money(value.amount(), value.currency());
	}

}
