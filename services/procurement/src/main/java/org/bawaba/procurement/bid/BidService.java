package org.bawaba.procurement.bid;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.procurement.sealing.ReceiptSigner;
import org.bawaba.procurement.sealing.SealedBox;
import org.bawaba.procurement.sealing.TenderKeys;
import org.bawaba.procurement.supplier.Supplier;
import org.bawaba.procurement.supplier.SupplierService;
import org.bawaba.procurement.tender.Tender;
import org.bawaba.procurement.tender.TenderRepository;
import org.bawaba.procurement.tender.TenderService;
import org.bawaba.procurement.tender.TenderStatus;
import org.bawaba.procurement.web.AuditLog;
import org.bawaba.procurement.web.Times;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sealed bids: submission, replacement and withdrawal until the submission deadline (exclusive), each with
 * a signed receipt; nobody reads them before the opening; after it, the agency reads them (audited).
 */
@Service
public class BidService {

	private final BidRepository bids;

	private final TenderRepository tenders;

	private final TenderService tenderService;

	private final SupplierService suppliers;

	private final TenderKeys keys;

	private final ReceiptSigner signer;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	BidService(BidRepository bids, TenderRepository tenders, TenderService tenderService, SupplierService suppliers,
			TenderKeys keys, ReceiptSigner signer, AuditLog audit, JsonMapper json, Clock clock) {
		this.bids = bids;
		this.tenders = tenders;
		this.tenderService = tenderService;
		this.suppliers = suppliers;
		this.keys = keys;
		this.signer = signer;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	Views.Submitted submit(Caller caller, UUID tenderId, Requests.BidContent request) {
		Supplier supplier = suppliers.own(caller);
		Tender tender = open(caller, tenderId, request);
		if (bids.active(tenderId, supplier.id()).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "bid-exists");
		}
		UUID id = UUID.randomUUID();
		return seal(tender, id, supplier, request, true);
	}

	@Transactional
	Views.Submitted replace(Caller caller, UUID tenderId, UUID bidId, Requests.BidContent request) {
		Supplier supplier = suppliers.own(caller);
		Bid bid = ownActive(supplier, tenderId, bidId);
		Tender tender = open(caller, tenderId, request);
		return seal(tender, bid.id(), supplier, request, false);
	}

	@Transactional
	Views.OwnBid withdraw(Caller caller, UUID tenderId, UUID bidId) {
		Supplier supplier = suppliers.own(caller);
		Bid bid = ownActive(supplier, tenderId, bidId);
		open(caller, tenderId, null);
		bids.withdraw(bid.id(), Times.now(clock));
		return Views.OwnBid.of(bids.find(bid.id()).orElseThrow());
	}

	/** The tender, locked, if it still takes bids: published and before its submission deadline (else 409). */
	private Tender open(Caller caller, UUID tenderId, Requests.BidContent request) {
		tenderService.visible(Optional.of(caller), tenderId);
		Tender tender = tenders.lock(tenderId).orElseThrow();
		TenderService.requireStatus(tender, "bid", TenderStatus.PUBLISHED);
		if (!Times.now(clock).isBefore(tender.submissionDeadline())) {
			throw new ProblemException(HttpStatus.CONFLICT, "deadline-passed", "submissionDeadline");
		}
		if (request != null && !request.currency().equals(tender.estimatedValue().currency())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "currency-mismatch", tender.estimatedValue().currency());
		}
		return tender;
	}

	private Views.Submitted seal(Tender tender, UUID bidId, Supplier supplier, Requests.BidContent request,
			boolean create) {
		for (Requests.Document document : request.documents() == null ? List.<Requests.Document>of()
				: request.documents()) {
			try {
				Base64.getDecoder().decode(document.content());
			}
			catch (IllegalArgumentException ex) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-value", "documents.content");
			}
		}
		Instant now = Times.now(clock);
		byte[] canonical = BidContent.of(request).canonical(json);
		String sha256 = BidContent.sha256(canonical);
		TenderKeys.StoredKey key = bids.key(tender.id());
		SealedBox.Sealed sealed = SealedBox.seal(key.publicKey(), canonical,
				Bid.associatedData(tender.id(), bidId, supplier.id()));
		byte[] signature = signer.sign(tender.id(), bidId, now, sha256);
		if (create) {
			bids.insert(bidId, tender.id(), supplier.id(), now, sha256, sealed, signature);
		}
		else {
			bids.replace(bidId, now, sha256, sealed, signature);
		}
		Bid bid = bids.find(bidId).orElseThrow();
		return new Views.Submitted(bid.id(), bid.tenderId(), bid.status(), bid.submittedAt(), bid.receipt(),
				new String(canonical, java.nio.charset.StandardCharsets.UTF_8));
	}

	private Bid ownActive(Supplier supplier, UUID tenderId, UUID bidId) {
		Bid bid = bids.find(bidId).filter(found -> found.tenderId().equals(tenderId))
			.filter(found -> found.supplierId().equals(supplier.id()))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "bid-not-found", bidId));
		if (!bid.active()) {
			throw new ProblemException(HttpStatus.CONFLICT, "bid-withdrawn");
		}
		return bid;
	}

	// --- reading ---

	List<Views.OwnBid> mine(Caller caller, UUID tenderId) {
		Supplier supplier = suppliers.own(caller);
		return bids.ofSupplier(supplier.id(), tenderId).stream().map(Views.OwnBid::of).toList();
	}

	/**
	 * A tender's bids: for its agency's staff and platform admins once opened (403 {@code bids-sealed} before);
	 * for a supplier, only its own.
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	Object ofTender(Caller caller, UUID tenderId) {
		Tender tender = tenderService.visible(Optional.of(caller), tenderId);
		Optional<Supplier> supplier = suppliers.ofCaller(caller);
		if (supplier.isPresent() && !caller.isAgencyStaff() && !caller.isPlatformAdmin()) {
			return bids.ofSupplier(supplier.get().id(), tenderId).stream().map(Views.OwnBid::of).toList();
		}
		requireOpened(caller, tender);
		audit.record(caller.subject(), "opened-bids-read", tenderId, null);
		return bids.activeOf(tenderId).stream().map(bid -> opened(bid, null)).toList();
	}

	/** One bid: its supplier sees it (receipt); the agency reads it with its documents once opened. */
	@Transactional(noRollbackFor = ProblemException.class)
	Object one(Caller caller, UUID tenderId, UUID bidId) {
		Tender tender = tenderService.visible(Optional.of(caller), tenderId);
		Bid bid = bids.find(bidId).filter(found -> found.tenderId().equals(tenderId)).orElse(null);
		Optional<Supplier> supplier = suppliers.ofCaller(caller);
		if (bid != null && supplier.isPresent() && bid.supplierId().equals(supplier.get().id())) {
			return Views.OwnBid.of(bid);
		}
		if (!caller.isAgencyStaff() && !caller.isPlatformAdmin()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "bid-not-found", bidId);
		}
		requireOpened(caller, tender);
		if (bid == null || !bid.active()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "bid-not-found", bidId);
		}
		TenderKeys.Opener opener = keys.release(tender.id(), tender.openingTime(), bids.key(tender.id()));
		BidContent content = BidContent.parse(json, opener.open(sealed(bid), bid.associatedData()));
		audit.record(caller.subject(), "opened-bid-read", tenderId, bidId.toString());
		return opened(bid, content);
	}

	private void requireOpened(Caller caller, Tender tender) {
		caller.requireAgency(tender.agency());
		if (tender.openedAt() == null) {
			audit.record(caller.subject(), "sealed-bids-refused", tender.id(), null);
			throw new ProblemException(HttpStatus.FORBIDDEN, "bids-sealed", tender.openingTime());
		}
	}

	private Views.OpenedBid opened(Bid bid, BidContent content) {
		Supplier supplier = suppliers.find(bid.supplierId()).orElseThrow();
		List<Views.Document> documents = content == null ? null
				: content.documents().stream().map(document -> new Views.Document(document.name(),
						document.mediaType(), Base64.getDecoder().decode(document.content()).length, document.content()))
					.toList();
		return new Views.OpenedBid(bid.id(), bid.supplierId(), supplier.name().en(), supplier.name().ar(),
				bid.openedAmount(), bid.openedCurrency(), bid.submittedAt(), bid.contentSha256(), documents,
				bid.qualified(), bid.score(), bid.evaluationNote());
	}

	/** The public bid-opening record; 409 before the opening. */
	Views.OpeningRecord openingRecord(UUID tenderId) {
		Tender tender = tenderService.visible(Optional.empty(), tenderId);
		if (tender.openedAt() == null) {
			throw new ProblemException(HttpStatus.CONFLICT, "not-opened-yet", tender.openingTime());
		}
		return new Views.OpeningRecord(tender.id(), tender.ocid(), tender.openedAt(),
				bids.activeOf(tenderId).stream().map(bid -> {
					Supplier supplier = suppliers.find(bid.supplierId()).orElseThrow();
					return new Views.OpenedEntry(bid.id(), bid.supplierId(), supplier.name().en(), supplier.name().ar(),
							bid.openedAmount(), bid.openedCurrency(), bid.submittedAt());
				}).toList());
	}

	static SealedBox.Sealed sealed(Bid bid) {
		return new SealedBox.Sealed(bid.ephemeralKey(), bid.nonce(), bid.ciphertext());
	}

}
