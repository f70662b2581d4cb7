package org.bawaba.participation.complaint;

import static org.bawaba.contracts.participation.ComplaintStatus.ASSIGNED;
import static org.bawaba.contracts.participation.ComplaintStatus.CLOSED;
import static org.bawaba.contracts.participation.ComplaintStatus.FILED;
import static org.bawaba.contracts.participation.ComplaintStatus.REOPENED;
import static org.bawaba.contracts.participation.ComplaintStatus.REPLIED;
import static org.bawaba.contracts.participation.ComplaintStatus.RESOLVED;
import static org.bawaba.contracts.participation.ComplaintStatus.TRIAGED;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bawaba.contracts.participation.ComplaintFiledV1;
import org.bawaba.contracts.participation.ComplaintRepliedV1;
import org.bawaba.contracts.participation.ComplaintStatus;
import org.bawaba.contracts.participation.ComplaintStatusChangedV1;
import org.bawaba.participation.complaint.ComplaintRequests.NewComplaint;
import org.bawaba.participation.shared.Callers;
import org.bawaba.participation.shared.Messages;
import org.bawaba.participation.shared.ParticipationProperties;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint lifecycle. Staff of the agency: triage, assign, reply, resolve; the citizen: reopen once after
 * a resolution, close. Every step is recorded and published (the citizen is notified from the events).
 *
 * <pre>
 * FILED → TRIAGED → ASSIGNED → REPLIED → RESOLVED → CLOSED
 *   (assign, reply and resolve from any open status)  ↘ REOPENED (once) → …
 * </pre>
 */
@Service
class ComplaintService {

	private static final Set<ComplaintStatus> OPEN = Set.of(FILED, TRIAGED, ASSIGNED, REPLIED, REOPENED);

	private final ComplaintRepository complaints;

	private final EventPublisher events;

	private final ComplaintProperties properties;

	private final ParticipationProperties participation;

	private final Messages messages;

	private final Clock clock;

	ComplaintService(ComplaintRepository complaints, EventPublisher events, ComplaintProperties properties,
			ParticipationProperties participation, Messages messages, Clock clock) {
		this.complaints = complaints;
		this.events = events;
		this.properties = properties;
		this.participation = participation;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional
	Complaint file(Caller caller, NewComplaint request, String channel) {
		Callers.requireCitizen(caller);
		if (!participation.knows(request.agency())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "agency-unknown", request.agency());
		}
		if (request.serviceCode() != null && !request.serviceCode().startsWith(request.agency() + "-")) {
			throw messages.invalid("serviceCode", "complaint.service-agency");
		}
		Instant now = now();
		ComplaintProperties.Deadlines sla = properties.sla().of(request.agency());
		String trackingNumber = "CS-%d-%06d".formatted(now.atZone(participation.zone()).getYear(),
				complaints.nextNumber());
		Complaint complaint = new Complaint(UUID.randomUUID(), trackingNumber, request.kind(), request.agency(),
				request.serviceCode(), caller.subject(), request.subject().strip(), request.description().strip(),
				request.latitude(), request.longitude(), request.address(), channel, FILED, null, false, now, now,
				now.plus(sla.firstReply()), now.plus(sla.resolution()), null, null, false, false, false, null, null);
		complaints.insert(complaint);
		complaints.step(complaint.id(), FILED, "file", caller.subject(), null, now);
		events.publish(new ComplaintFiledV1(complaint.id(), trackingNumber, complaint.kind(), complaint.agency(),
				complaint.serviceCode(), complaint.citizen(), FILED, now, complaint.resolutionDueAt(),
				complaint.firstReplyDueAt()));
		return detailed(complaint);
	}

	/** The complaint for its citizen and its agency's staff; 404 for anyone else (its existence is not told). */
	Complaint visible(Caller caller, UUID id) {
		return detailed(complaints.find(id).filter(found -> maySee(caller, found))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "complaint-not-found", id)));
	}

	Complaint visibleByTrackingNumber(Caller caller, String trackingNumber) {
		return detailed(complaints.findByTrackingNumber(trackingNumber).filter(found -> maySee(caller, found))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "complaint-not-found", trackingNumber)));
	}

	static boolean maySee(Caller caller, Complaint complaint) {
		return caller.subject().equals(complaint.citizen()) || Callers.isStaffOf(caller, complaint.agency())
				|| caller.isPlatformAdmin();
	}

	/** A citizen's own complaints, or the caller's agency's (staff). */
	List<Complaint> list(Caller caller, @Nullable ComplaintStatus status, @Nullable Boolean breached, int page,
			int size) {
		if (caller.isAgencyStaff()) {
			return complaints.search(null, Callers.staffAgency(caller), status, breached, page, size);
		}
		Callers.requireCitizen(caller);
		return complaints.search(caller.subject(), null, status, breached, page, size);
	}

	@Transactional
	Complaint triage(Caller caller, UUID id, @Nullable String note) {
		Complaint complaint = forStaff(caller, id);
		require(complaint, "triage", FILED, REOPENED);
		return move(caller, complaint, TRIAGED, "triage", note, complaint.assignee(), complaint.reopened(),
				complaint.resolutionDueAt(), complaint.firstRepliedAt(), null);
	}

	@Transactional
	Complaint assign(Caller caller, UUID id, String assignee, @Nullable String note) {
		Complaint complaint = forStaff(caller, id);
		require(complaint, "assign", OPEN.toArray(ComplaintStatus[]::new));
		return move(caller, complaint, ASSIGNED, "assign", note, assignee.strip(), complaint.reopened(),
				complaint.resolutionDueAt(), complaint.firstRepliedAt(), null);
	}

	@Transactional
	Complaint reply(Caller caller, UUID id, String message) {
		Complaint complaint = forStaff(caller, id);
		require(complaint, "reply", OPEN.toArray(ComplaintStatus[]::new));
		Instant now = now();
		Complaint replied = move(caller, complaint, REPLIED, "reply", message.strip(), complaint.assignee(),
				complaint.reopened(), complaint.resolutionDueAt(),
				complaint.firstRepliedAt() == null ? now : complaint.firstRepliedAt(), null);
		events.publish(new ComplaintRepliedV1(id, complaint.trackingNumber(), complaint.agency(), complaint.citizen(),
				now));
		return replied;
	}

	@Transactional
	Complaint resolve(Caller caller, UUID id, String message) {
		Complaint complaint = forStaff(caller, id);
		require(complaint, "resolve", OPEN.toArray(ComplaintStatus[]::new));
		Instant now = now();
		return move(caller, complaint, RESOLVED, "resolve", message.strip(), complaint.assignee(),
				complaint.reopened(), complaint.resolutionDueAt(),
				complaint.firstRepliedAt() == null ? now : complaint.firstRepliedAt(), now);
	}

	/** The citizen reopens a resolved complaint, once; the agency gets a new resolution deadline. */
	@Transactional
	Complaint reopen(Caller caller, UUID id, String message) {
		Complaint complaint = forCitizen(caller, id);
		if (complaint.reopened()) {
			throw new ProblemException(HttpStatus.CONFLICT, "complaint-reopened-already");
		}
		require(complaint, "reopen", RESOLVED);
		Instant due = now().plus(properties.sla().of(complaint.agency()).resolution());
		return move(caller, complaint, REOPENED, "reopen", message.strip(), complaint.assignee(), true, due,
				complaint.firstRepliedAt(), null);
	}

	/** The citizen (satisfied) or the staff close a resolved complaint. */
	@Transactional
	Complaint close(Caller caller, UUID id, @Nullable String note) {
		Complaint complaint = complaints.findForUpdate(id).filter(found -> maySee(caller, found))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "complaint-not-found", id));
		require(complaint, "close", RESOLVED);
		return move(caller, complaint, CLOSED, "close", note, complaint.assignee(), complaint.reopened(),
				complaint.resolutionDueAt(), complaint.firstRepliedAt(), complaint.resolvedAt());
	}

	/**
	 * Flags the deadlines missed by now (first reply, resolution) and publishes a status-changed event with
	 * {@code slaBreached} for each complaint, in the caller's transaction. Returns how many were flagged.
	 */
	int flagBreaches() {
		Instant now = now();
		List<UUID> due = complaints.breachedUnflagged(now, 200);
		for (UUID id : due) {
			Complaint complaint = complaints.find(id).orElseThrow();
			boolean reply = complaint.replyBreached()
					|| (complaint.firstRepliedAt() == null && !complaint.firstReplyDueAt().isAfter(now));
			boolean resolution = complaint.resolutionBreached() || !complaint.resolutionDueAt().isAfter(now);
			Complaint flagged = complaint.with(complaint.status(), complaint.assignee(), complaint.reopened(), now,
					complaint.resolutionDueAt(), complaint.firstRepliedAt(), complaint.resolvedAt(), reply, resolution);
			complaints.update(flagged);
			String which = resolution && !complaint.resolutionBreached() ? "resolution" : "first reply";
			complaints.step(id, complaint.status(), "sla-breached", "system", which, now);
			events.publish(statusChanged(flagged, complaint.status(), now));
		}
		return due.size();
	}

	private Complaint move(Caller caller, Complaint complaint, ComplaintStatus to, String action,
			@Nullable String note, @Nullable String assignee, boolean reopened, Instant resolutionDueAt,
			@Nullable Instant firstRepliedAt, @Nullable Instant resolvedAt) {
		Instant now = now();
		Complaint moved = complaint.with(to, assignee, reopened, now, resolutionDueAt, firstRepliedAt, resolvedAt,
				complaint.replyBreached(), complaint.resolutionBreached() && to != REOPENED);
		complaints.update(moved);
		complaints.step(complaint.id(), to, action, caller.subject(), note == null || note.isBlank() ? null : note,
				now);
		events.publish(statusChanged(moved, complaint.status(), now));
		return detailed(moved);
	}

	private static ComplaintStatusChangedV1 statusChanged(Complaint complaint, ComplaintStatus previous,
			Instant now) {
		return new ComplaintStatusChangedV1(complaint.id(), complaint.trackingNumber(), complaint.kind(),
				complaint.agency(), complaint.serviceCode(), complaint.citizen(), complaint.status(), now,
				complaint.slaBreached(), previous);
	}

	private Complaint forStaff(Caller caller, UUID id) {
		return complaints.findForUpdate(id)
			.filter(found -> Callers.isStaffOf(caller, found.agency()) || caller.isPlatformAdmin())
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "complaint-not-found", id));
	}

	Complaint forCitizen(Caller caller, UUID id) {
		return complaints.findForUpdate(id)
			.filter(found -> caller.subject().equals(found.citizen()))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "complaint-not-found", id));
	}

	private static void require(Complaint complaint, String action, ComplaintStatus... from) {
		if (!List.of(from).contains(complaint.status())) {
			throw new ProblemException(HttpStatus.CONFLICT, "complaint-transition", complaint.status(), action);
		}
	}

	private Complaint detailed(Complaint complaint) {
		return complaint.withDetails(complaints.history(complaint), complaints.attachments(complaint.id()));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
