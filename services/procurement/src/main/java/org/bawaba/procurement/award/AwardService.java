package org.bawaba.procurement.award;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bawaba.contracts.procurement.AwardPublishedV1;
import org.bawaba.contracts.procurement.ContractSignedV1;
import org.bawaba.contracts.procurement.EvaluationCompletedV1;
import org.bawaba.contracts.procurement.Money;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.procurement.ProcurementProperties;
import org.bawaba.procurement.ocds.Publication;
import org.bawaba.procurement.tender.Tender;
import org.bawaba.procurement.tender.TenderRepository;
import org.bawaba.procurement.tender.TenderService;
import org.bawaba.procurement.tender.TenderStatus;
import org.bawaba.procurement.web.AuditLog;
import org.bawaba.procurement.web.Times;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the opening: the agency evaluates every opened bid, awards a qualified one with a justification
 * (the standstill period starts), and signs the contract once the standstill has ended. Each step is an
 * event, an OCDS release and an audit entry.
 */
@Service
class AwardService {

	private final TenderService tenderService;

	private final TenderRepository tenders;

	private final JdbcClient db;

	private final Publication publication;

	private final EventPublisher events;

	private final AuditLog audit;

	private final ProcurementProperties properties;

	private final Clock clock;

	AwardService(TenderService tenderService, TenderRepository tenders, JdbcClient db, Publication publication,
			EventPublisher events, AuditLog audit, ProcurementProperties properties, Clock clock) {
		this.tenderService = tenderService;
		this.tenders = tenders;
		this.db = db;
		this.publication = publication;
		this.events = events;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Tender evaluate(Caller caller, UUID tenderId, Requests.Evaluation evaluation) {
		Tender tender = locked(caller, tenderId);
		TenderService.requireStatus(tender, "evaluate", TenderStatus.OPENED);
		Set<UUID> opened = new HashSet<>(db.sql("select id from bid where tender_id = ? and status = 'ACTIVE'")
			.param(tenderId).query(UUID.class).list());
		Set<UUID> evaluated = new HashSet<>();
		evaluation.results().forEach(result -> evaluated.add(result.bidId()));
		if (!evaluated.equals(opened) || evaluated.size() != evaluation.results().size()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "evaluation-incomplete");
		}
		for (Requests.Result result : evaluation.results()) {
			db.sql("update bid set qualified = ?, score = ?, evaluation_note = ? where id = ?")
				.params(result.qualified(), result.score(), result.note(), result.bidId())
				.update();
		}
		Instant now = Times.now(clock);
		if (!tenders.move(tenderId, TenderStatus.OPENED, TenderStatus.EVALUATED, now)) {
			throw TenderService.illegal(tender, "evaluate");
		}
		int qualified = (int) evaluation.results().stream().filter(Requests.Result::qualified).count();
		events.publish(new EvaluationCompletedV1(tenderId, tender.ocid(), tender.agency(), evaluation.results().size(),
				qualified, now));
		publication.publish(tenderId, "tenderUpdate", now);
		audit.record(caller.subject(), "bids-evaluated", tenderId, qualified + " of " + evaluation.results().size()
				+ " qualified");
		return tenders.find(tenderId).orElseThrow();
	}

	@Transactional
	Tender award(Caller caller, UUID tenderId, Requests.Award request) {
		Tender tender = locked(caller, tenderId);
		TenderService.requireStatus(tender, "award", TenderStatus.EVALUATED);
		Map<String, Object> bid = db.sql("select b.supplier_id, b.opened_amount, b.opened_currency, b.qualified, "
				+ "s.name_en from bid b join supplier s on s.id = b.supplier_id "
				+ "where b.id = ? and b.tender_id = ? and b.status = 'ACTIVE'")
			.params(request.bidId(), tenderId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "bid-not-found", request.bidId()));
		if (!Boolean.TRUE.equals(bid.get("qualified"))) {
			throw new ProblemException(HttpStatus.CONFLICT, "bid-not-qualified");
		}
		Instant now = Times.now(clock);
		Instant standstillEnds = now.plus(properties.rules().standstill());
		UUID awardId = UUID.randomUUID();
		UUID supplierId = (UUID) bid.get("supplier_id");
		Money value = new Money((java.math.BigDecimal) bid.get("opened_amount"), (String) bid.get("opened_currency"));
		db.sql("""
				insert into award (id, tender_id, bid_id, supplier_id, amount, currency, justification_en,
				  justification_ar, awarded_at, standstill_ends_at, awarded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(awardId, tenderId, request.bidId(), supplierId, value.amount(), value.currency(),
					request.justification().en(), request.justification().ar(), Timestamp.from(now),
					Timestamp.from(standstillEnds), caller.subject())
			.update();
		if (!tenders.move(tenderId, TenderStatus.EVALUATED, TenderStatus.AWARDED, now)) {
			throw TenderService.illegal(tender, "award");
		}
		events.publish(new AwardPublishedV1(tenderId, tender.ocid(), awardId, tender.agency(), tender.category(),
				supplierId, (String) bid.get("name_en"), value, request.justification().bilingual(), now,
				standstillEnds));
		publication.publish(tenderId, "award", now);
		audit.record(caller.subject(), "awarded", tenderId, "bid " + request.bidId());
		return tenders.find(tenderId).orElseThrow();
	}

	@Transactional
	Tender signContract(Caller caller, UUID tenderId) {
		Tender tender = locked(caller, tenderId);
		TenderService.requireStatus(tender, "sign", TenderStatus.AWARDED);
		Instant now = Times.now(clock);
		Tender.AwardSummary award = tender.award();
		if (now.isBefore(award.standstillEndsAt())) {
			throw new ProblemException(HttpStatus.CONFLICT, "standstill-running", award.standstillEndsAt());
		}
		UUID contractId = UUID.randomUUID();
		db.sql("""
				insert into contract (id, tender_id, award_id, supplier_id, amount, currency, signed_at, signed_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(contractId, tenderId, award.id(), award.supplierId(), award.value().amount(),
					award.value().currency(), Timestamp.from(now), caller.subject())
			.update();
		if (!tenders.move(tenderId, TenderStatus.AWARDED, TenderStatus.CONTRACTED, now)) {
			throw TenderService.illegal(tender, "sign");
		}
		events.publish(new ContractSignedV1(tenderId, tender.ocid(), contractId, award.id(), tender.agency(),
				award.supplierId(), TenderService.money(award.value()), now));
		publication.publish(tenderId, "contract", now);
		audit.record(caller.subject(), "contract-signed", tenderId, contractId.toString());
		return tenders.find(tenderId).orElseThrow();
	}

	private Tender locked(Caller caller, UUID tenderId) {
		tenderService.forStaff(caller, tenderId);
		return tenders.lock(tenderId).orElseThrow();
	}

}
