package org.bawaba.eservices.change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.agency.ChangeConfirmedV1;
import org.bawaba.contracts.agency.ChangeOutcome;
import org.bawaba.contracts.eservices.AgencyTitle;
import org.bawaba.contracts.eservices.ChangeCompletedV1;
import org.bawaba.contracts.eservices.ChangeReportedV1;
import org.bawaba.eservices.catalogue.Bilingual;
import org.bawaba.eservices.change.ChangeRepository.Confirmation;
import org.bawaba.eservices.change.ChangeRepository.Report;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tell us once: records a change with one row per subscribed agency and asks them
 * ({@code change.reported}); takes their answers ({@code change.confirmed}); publishes the outcome
 * ({@code change.completed}) once every agency answered or the deadline passed; asks late agencies again,
 * a bounded number of times. A late answer still updates the agency's status.
 */
@Service
class ChangeService {

	private static final Logger log = LoggerFactory.getLogger(ChangeService.class);

	private final ChangeRepository changes;

	private final EventPublisher events;

	private final TellUsOnceProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	ChangeService(ChangeRepository changes, EventPublisher events, TellUsOnceProperties properties, JsonMapper json,
			ObjectProvider<Clock> clock) {
		this.changes = changes;
		this.events = events;
		this.properties = properties;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	Change report(String citizen, ChangeRequest request) {
		Instant now = clock.instant();
		List<String> agencies = properties.subscribersOf(request.kind());
		Report report = new Report(UUID.randomUUID(), citizen, request.kind(), json.writeValueAsString(request), now,
				now.plus(properties.deadline()), null);
		changes.insert(report, agencies);
		events.publish(new ChangeReportedV1(report.id(), citizen, request.kind(), agencies, 1, now));
		if (agencies.isEmpty()) {
			completeIfSettled(report.id(), now, false);
		}
		return view(changes.find(report.id()).orElseThrow());
	}

	List<Change> ofCitizen(String citizen) {
		return changes.ofCitizen(citizen).stream().map(this::view).toList();
	}

	/** The citizen's own change; empty for anyone else's. */
	java.util.Optional<Change> ofCitizen(String citizen, UUID id) {
		return changes.find(id).filter(report -> report.citizen().equals(citizen)).map(this::view);
	}

	java.util.Optional<Report> find(UUID id) {
		return changes.find(id);
	}

	List<String> agenciesAsked(UUID id) {
		return changes.confirmations(id).stream().map(Confirmation::agency).toList();
	}

	ChangeRequest newValue(Report report) {
		return json.readValue(report.newValue(), ChangeRequest.class);
	}

	/** An agency's answer, in the inbox transaction of its event. */
	@Transactional
	void confirmed(ChangeConfirmedV1 confirmation) {
		String reasonEn = confirmation.reason() == null ? null : confirmation.reason().en();
		String reasonAr = confirmation.reason() == null ? null : confirmation.reason().ar();
		if (confirmation.outcome() == ChangeOutcome.FAILED && reasonEn == null) {
			reasonEn = "No reason given.";
			reasonAr = "لم يُذكر سبب.";
		}
		if (!changes.confirm(confirmation.changeId(), confirmation.agency(), confirmation.outcome().name(), reasonEn,
				reasonAr, confirmation.confirmedAt())) {
			log.warn("Ignored a confirmation of change {} by {}: that agency was not asked about it",
					confirmation.changeId(), confirmation.agency());
			return;
		}
		completeIfSettled(confirmation.changeId(), clock.instant(), false);
	}

	/** Deadlines: late agencies are marked and the outcome published; late agencies are asked again. */
	// no job lock: changes and late agencies are claimed with for update skip locked, completion is a conditional update
	@Scheduled(fixedDelayString = "${eservices.tell-us-once.check-interval:PT1M}")
	@Transactional
	public void checkDeadlines() {
		Instant now = clock.instant();
		for (UUID id : changes.overdue(now, 100)) {
			changes.markLate(id);
			completeIfSettled(id, now, true);
		}
		for (Confirmation late : changes.dueForRetry(now.minus(properties.retryInterval()), properties.maxAttempts(),
				100)) {
			Report report = changes.find(late.changeId()).orElseThrow();
			int attempt = late.attempts() + 1;
			changes.asked(late.changeId(), late.agency(), attempt, now);
			events.publish(new ChangeReportedV1(report.id(), report.citizen(), report.kind(), List.of(late.agency()),
					attempt, report.reportedAt()));
			log.info("Asked {} again about change {} (attempt {})", late.agency(), report.id(), attempt);
		}
	}

	private void completeIfSettled(UUID id, Instant now, boolean deadlinePassed) {
		List<Confirmation> rows = changes.confirmations(id);
		boolean allAnswered = rows.stream().noneMatch(row -> "PENDING".equals(row.status()));
		if ((allAnswered || deadlinePassed) && changes.complete(id, now)) {
			Report report = changes.find(id).orElseThrow();
			events.publish(new ChangeCompletedV1(id, report.citizen(), report.kind(), titles(rows, "UPDATED"),
					titles(rows, "FAILED"), titles(rows, "PENDING"), now));
		}
	}

	private List<AgencyTitle> titles(List<Confirmation> rows, String status) {
		List<AgencyTitle> titles = new ArrayList<>();
		for (Confirmation row : rows) {
			if (status.equals(row.status())) {
				Bilingual name = properties.nameOf(row.agency());
				titles.add(new AgencyTitle(row.agency(), name.en(), name.ar()));
			}
		}
		return titles;
	}

	private Change view(Report report) {
		List<Change.AgencyStatus> agencies = changes.confirmations(report.id()).stream().map(row -> {
			Change.Status status = switch (row.status()) {
				case "UPDATED" -> Change.Status.UPDATED;
				case "FAILED" -> Change.Status.FAILED;
				default -> row.late() ? Change.Status.LATE : Change.Status.PENDING;
			};
			Bilingual reason = row.reasonEn() == null ? null : new Bilingual(row.reasonEn(), row.reasonAr());
			return new Change.AgencyStatus(row.agency(), properties.nameOf(row.agency()), status, row.late(), reason,
					row.attempts(), row.confirmedAt());
		}).toList();
		return new Change(report.id(), report.kind(), report.reportedAt(), report.deadline(), report.completedAt(),
				agencies);
	}

}
