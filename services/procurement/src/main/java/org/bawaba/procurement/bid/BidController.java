package org.bawaba.procurement.bid;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bawaba.platform.security.Caller;
import org.bawaba.procurement.sealing.ReceiptSigner;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Sealed bids", description = "Suppliers submit, replace and withdraw sealed bids with signed receipts; nobody reads them before the opening")
class BidController {

	private final BidService service;

	private final ReceiptSigner signer;

	BidController(BidService service, ReceiptSigner signer) {
		this.service = service;
		this.signer = signer;
	}

	@PostMapping("/tenders/{id}/bids")
	@Operation(summary = "Submit a sealed bid before the submission deadline (registered suppliers, one standing bid each); answers a signed receipt")
	ResponseEntity<Views.Submitted> submit(@PathVariable UUID id, @Valid @RequestBody Requests.BidContent bid,
			Caller caller) {
		Views.Submitted submitted = service.submit(caller, id, bid);
		return ResponseEntity.created(URI.create("/tenders/" + id + "/bids/" + submitted.id())).body(submitted);
	}

	@PutMapping("/tenders/{id}/bids/{bidId}")
	@Operation(summary = "Replace the caller's bid before the submission deadline; a new receipt")
	Views.Submitted replace(@PathVariable UUID id, @PathVariable UUID bidId,
			@Valid @RequestBody Requests.BidContent bid, Caller caller) {
		return service.replace(caller, id, bidId, bid);
	}

	@DeleteMapping("/tenders/{id}/bids/{bidId}")
	@Operation(summary = "Withdraw the caller's bid before the submission deadline; its sealed content is erased")
	Views.OwnBid withdraw(@PathVariable UUID id, @PathVariable UUID bidId, Caller caller) {
		return service.withdraw(caller, id, bidId);
	}

	@GetMapping("/tenders/{id}/bids")
	@Operation(summary = "A supplier: its own bids on the tender. The tender's agency, platform admins: the opened bids, "
			+ "403 bids-sealed before the opening time")
	Object list(@PathVariable UUID id, Caller caller) {
		return service.ofTender(caller, id);
	}

	@GetMapping("/tenders/{id}/bids/{bidId}")
	@Operation(summary = "One bid: its supplier (with the receipt), or the agency once opened (with the documents)")
	Object one(@PathVariable UUID id, @PathVariable UUID bidId, Caller caller) {
		return service.one(caller, id, bidId);
	}

	@GetMapping("/bids/mine")
	@Operation(summary = "The caller's supplier's bids on every tender")
	List<Views.OwnBid> mine(Caller caller) {
		return service.mine(caller, null);
	}

	@GetMapping("/tenders/{id}/opening")
	@Operation(summary = "The public bid-opening record: bidders and prices (409 before the opening)")
	Views.OpeningRecord opening(@PathVariable UUID id) {
		return service.openingRecord(id);
	}

	@GetMapping("/receipts/public-key")
	@Operation(summary = "The Ed25519 public key that verifies bid receipts, and what is signed")
	Views.PublicKey publicKey() {
		return new Views.PublicKey("Ed25519", "X.509 SubjectPublicKeyInfo, base64", signer.publicKey(),
				ReceiptSigner.FORMAT + "|<tenderId>|<bidId>|<submittedAt>|<contentSha256>");
	}

}
