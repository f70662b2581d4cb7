package org.bawaba.procurement.bid;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.procurement.BidsOpenedV1;
import org.bawaba.contracts.procurement.OpenedBid;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.procurement.ocds.Publication;
import org.bawaba.procurement.sealing.TenderKeys;
import org.bawaba.procurement.supplier.Supplier;
import org.bawaba.procurement.supplier.SupplierService;
import org.bawaba.procurement.tender.Tender;
import org.bawaba.procurement.tender.TenderRepository;
import org.bawaba.procurement.tender.TenderStatus;
import org.bawaba.procurement.web.AuditLog;
import org.bawaba.procurement.web.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opening: a scheduled job finds tenders whose opening time has come (by the service's clock),
 * releases each one's opening key, decrypts its standing bids, checks each against its receipt's hash,
 * records the prices and publishes the bid-opening record, the event and an OCDS release, all in one
 * transaction and in the audit log. One instance opens a tender ({@code for update skip locked}).
 */
@Component
class BidOpening {

	private static final Logger log = LoggerFactory.getLogger(BidOpening.class);

	private final BidRepository bids;

	private final TenderRepository tenders;

	private final SupplierService suppliers;

	private final TenderKeys keys;

	private final Publication publication;

	private final EventPublisher events;

	private final AuditLog audit;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BidOpening(BidRepository bids, TenderRepository tenders, SupplierService suppliers, TenderKeys keys,
			Publication publication, EventPublisher events, AuditLog audit, JsonMapper json,
			TransactionTemplate transactions, Clock clock) {
		this.bids = bids;
		this.tenders = tenders;
		this.suppliers = suppliers;
		this.keys = keys;
		this.publication = publication;
		this.events = events;
		this.audit = audit;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
	}

	// no job lock: a tender is opened by the instance that locks its row while it is PUBLISHED (skip locked)
	@Scheduled(fixedDelayString = "${procurement.opening.poll-interval}")
	void openDue() {
		for (UUID tenderId : bids.dueForOpening(Times.now(clock))) {
			try {
				transactions.executeWithoutResult(status -> open(tenderId));
			}
			catch (RuntimeException ex) {
				log.error("Opening of tender {} failed; it stays sealed and is retried", tenderId, ex);
			}
		}
	}

	private void open(UUID tenderId) {
		if (!bids.lockForOpening(tenderId)) {
			return;
		}
		Tender tender = tenders.find(tenderId).orElseThrow();
		Instant now = Times.now(clock);
		TenderKeys.Opener opener = keys.release(tenderId, tender.openingTime(), bids.key(tenderId));
		audit.record(AuditLog.SYSTEM, "opening-key-released", tenderId, null);
		bids.keyReleased(tenderId, now);
		List<OpenedBid> opened = new ArrayList<>();
		for (Bid bid : bids.activeOf(tenderId)) {
			byte[] canonical = opener.open(BidService.sealed(bid), bid.associatedData());
			if (!MessageDigest.isEqual(BidContent.sha256(canonical).getBytes(StandardCharsets.US_ASCII),
					bid.contentSha256().getBytes(StandardCharsets.US_ASCII))) {
				throw new SecurityException("Bid " + bid.id() + " does not match its receipt's hash");
			}
			BidContent content = BidContent.parse(json, canonical);
			bids.opened(bid.id(), content.amount(), content.currency());
			Supplier supplier = suppliers.find(bid.supplierId()).orElseThrow();
			opened.add(new OpenedBid(bid.id(), supplier.id(), supplier.name().en(), content.amount(),
					content.currency()));
		}
		if (!tenders.move(tenderId, TenderStatus.PUBLISHED, TenderStatus.OPENED, now)) {
			throw new IllegalStateException("Tender " + tenderId + " moved while being opened");
		}
		events.publish(new BidsOpenedV1(tenderId, tender.ocid(), tender.agency(), opened, now));
		publication.publish(tenderId, "tenderUpdate", now);
		audit.record(AuditLog.SYSTEM, "bids-opened", tenderId, opened.size() + " bids");
		log.info("Opened {} bids of tender {}", opened.size(), tenderId);
	}

}
