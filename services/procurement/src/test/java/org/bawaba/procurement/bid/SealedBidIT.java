package org.bawaba.procurement.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestTokens;
import org.bawaba.procurement.DatabaseDump;
import org.bawaba.procurement.ProcurementIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sealed bids: deadlines at the millisecond, signed receipts, and nobody reading a bid before the opening. */
class SealedBidIT extends ProcurementIT {

	@Test
	void questionsAndBidsAreTakenUntilOneMillisecondBeforeTheirDeadlineAndRefusedAtAndAfterIt() {
		String alpha = registeredSupplier("Boundary-A");
		String beta = registeredSupplier("Boundary-B");
		String gamma = registeredSupplier("Boundary-C");
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		Instant clarification = Instant.parse(tender.get("clarificationDeadline").asString());
		Instant submission = Instant.parse(tender.get("submissionDeadline").asString());

		clock.set(clarification.minusMillis(1));
		ok(post("/tenders/" + id + "/clarifications", "{\"question\":\"Warranty?\"}", alpha), 201);
		clock.set(clarification);
		assertProblem(post("/tenders/" + id + "/clarifications", "{\"question\":\"Late?\"}", alpha), 409,
				"deadline-passed");

		clock.set(submission.minusMillis(1));
		String alphaBid = ok(post("/tenders/" + id + "/bids", bid("900000"), alpha), 201).get("id").asString();
		ok(put("/tenders/" + id + "/bids/" + alphaBid, bid("899000"), alpha), 200);
		String betaBid = ok(post("/tenders/" + id + "/bids", bid("950000"), beta), 201).get("id").asString();
		assertProblem(post("/tenders/" + id + "/bids", bid("1"), alpha), 409, "bid-exists");

		clock.set(submission);
		assertProblem(post("/tenders/" + id + "/bids", bid("800000"), gamma), 409, "deadline-passed");
		assertProblem(put("/tenders/" + id + "/bids/" + alphaBid, bid("1"), alpha), 409, "deadline-passed");
		assertProblem(delete("/tenders/" + id + "/bids/" + betaBid, beta), 409, "deadline-passed");
		clock.set(submission.plusMillis(1));
		assertProblem(post("/tenders/" + id + "/bids", bid("800000"), gamma), 409, "deadline-passed");
		assertProblem(delete("/tenders/" + id + "/bids/" + betaBid, beta), 409, "deadline-passed");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bid where tender_id = ?::uuid and status = 'ACTIVE'",
				id)).isEqualTo(2);
	}

	@Test
	void aWithdrawnBidIsErasedAndNotOpened() {
		String alpha = registeredSupplier("Withdraws");
		JsonNode tender = publishedTender(MME_STAFF);
		String id = tender.get("id").asString();
		String bidId = ok(post("/tenders/" + id + "/bids", bid("5000"), alpha), 201).get("id").asString();
		JsonNode withdrawn = ok(delete("/tenders/" + id + "/bids/" + bidId, alpha), 200);
		assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bid where id = ?::uuid and ciphertext is null", bidId))
			.isEqualTo(1);
		assertProblem(put("/tenders/" + id + "/bids/" + bidId, bid("1"), alpha), 409, "bid-withdrawn");
		String again = ok(post("/tenders/" + id + "/bids", bid("4800"), alpha), 201).get("id").asString();
		openBids(tender);
		JsonNode opening = ok(get("/tenders/" + id + "/opening", null), 200);
		assertThat(opening.get("bids").valueStream().map(b -> b.get("bidId").asString())).containsExactly(again);
	}

	@Test
	void aReceiptVerifiesWithThePublicKeyAloneAndATamperedOneDoesNot() throws Exception {
		String supplier = registeredSupplier("Receipts");
		String id = publishedTender(MOI_STAFF).get("id").asString();
		JsonNode submitted = ok(post("/tenders/" + id + "/bids", bid("123456.78"), supplier), 201);
		JsonNode receipt = submitted.get("receipt");
		assertThat(receipt.get("tenderId").asString()).isEqualTo(id);
		assertThat(receipt.get("bidId").asString()).isEqualTo(submitted.get("id").asString());
		assertThat(Instant.parse(receipt.get("submittedAt").asString())).isEqualTo(clock.instant());

		String content = submitted.get("content").asString();
		assertThat(content).contains("\"amount\":\"123456.78\"").contains("\"salt\":");
		assertThat(receipt.get("contentSha256").asString()).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8))));

		JsonNode key = ok(get("/receipts/public-key", null), 200);
		assertThat(key.get("algorithm").asString()).isEqualTo("Ed25519");
		PublicKey publicKey = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asString())));
		assertThat(verifies(publicKey, receipt, receipt.get("contentSha256").asString(),
				receipt.get("submittedAt").asString())).isTrue();
		assertThat(verifies(publicKey, receipt, "0".repeat(64), receipt.get("submittedAt").asString())).isFalse();
		assertThat(verifies(publicKey, receipt, receipt.get("contentSha256").asString(),
				Instant.parse(receipt.get("submittedAt").asString()).minusSeconds(60).toString())).isFalse();

		JsonNode own = ok(get("/tenders/" + id + "/bids/" + submitted.get("id").asString(), supplier), 200);
		assertThat(own.get("receipt")).isEqualTo(receipt);
		assertThat(own.has("amount")).isFalse();
	}

	private static boolean verifies(PublicKey key, JsonNode receipt, String sha256, String submittedAt)
			throws Exception {
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(key);
		signature.update(("bawaba-bid-receipt-v1|" + receipt.get("tenderId").asString() + "|"
				+ receipt.get("bidId").asString() + "|" + submittedAt + "|" + sha256).getBytes(StandardCharsets.UTF_8));
		return signature.verify(Base64.getDecoder().decode(receipt.get("signature").asString()));
	}

	@Test
	void theStoredBytesContainNeitherThePriceNorTheDocuments() {
		String supplier = registeredSupplier("Confidential");
		String id = publishedTender(MOI_STAFF).get("id").asString();
		String bidId = ok(post("/tenders/" + id + "/bids", bid("7654321.98"), supplier), 201).get("id").asString();
		String document = "TECHNICAL-OFFER-7654321.98";
		List<String> secrets = List.of("7654321", document, Base64.getEncoder().encodeToString(
				document.getBytes(StandardCharsets.UTF_8)), hex("7654321"), hex(document));

		byte[] ciphertext = DatabaseDump.bytes(DATABASE, "select ciphertext from bid where id = ?::uuid", bidId);
		assertThat(ciphertext).isNotEmpty();
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("7654321").doesNotContain(document);
		String everything = DatabaseDump.allRows(DATABASE);
		assertThat(everything).contains(bidId);
		for (String secret : secrets) {
			assertThat(everything).as(secret).doesNotContain(secret);
		}
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void beforeTheOpeningTheApiRefusesTheAgencyAPlatformAdminAndOtherSuppliers() {
		String owner = registeredSupplier("Owner");
		String other = registeredSupplier("Other");
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		String bidId = ok(post("/tenders/" + id + "/bids", bid("424242"), owner), 201).get("id").asString();
		String otherBid = ok(post("/tenders/" + id + "/bids", bid("434343"), other), 201).get("id").asString();
		String bids = "/tenders/" + id + "/bids";

		for (String sealedReader : List.of(MOI_STAFF, TestTokens.admin("moi-admin", "moi"), TestTokens.platformAdmin())) {
			assertProblem(get(bids, sealedReader), 403, "bids-sealed");
			assertProblem(get(bids + "/" + bidId, sealedReader), 403, "bids-sealed");
		}
		assertProblem(get(bids, MME_STAFF), 403, "forbidden-other-agency");
		assertProblem(get(bids + "/" + bidId, other), 404, "bid-not-found");
		assertProblem(get(bids + "/" + bidId, TestTokens.citizen("curious")), 404, "bid-not-found");
		assertProblem(put(bids + "/" + bidId, bid("1"), other), 404, "bid-not-found");
		assertProblem(delete(bids + "/" + bidId, other), 404, "bid-not-found");
		assertProblem(get("/tenders/" + id + "/opening", null), 409, "not-opened-yet");

		assertThat(ok(get(bids, other), 200).valueStream().map(b -> b.get("id").asString())).containsExactly(otherBid);
		assertThat(ok(get("/bids/mine", owner), 200).valueStream().map(b -> b.get("id").asString())).containsExactly(bidId);
		assertThat(ok(get(bids, owner), 200).toString()).doesNotContain("424242").doesNotContain(otherBid);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from audit_log where tender_id = ?::uuid "
				+ "and action = 'sealed-bids-refused'", id)).isEqualTo(6);

		openBids(tender);
		JsonNode opened = ok(get(bids + "/" + bidId, MOI_STAFF), 200);
		assertThat(opened.get("amount").decimalValue()).isEqualByComparingTo("424242");
		assertThat(new String(Base64.getDecoder().decode(opened.get("documents").get(0).get("content").asString()),
				StandardCharsets.UTF_8)).isEqualTo("TECHNICAL-OFFER-424242");
		assertThat(ok(get(bids, TestTokens.platformAdmin()), 200)).hasSize(2);
		assertProblem(get(bids, MME_STAFF), 403, "forbidden-other-agency");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from audit_log where tender_id = ?::uuid "
				+ "and action in ('opening-key-released', 'bids-opened', 'opened-bid-read')", id)).isEqualTo(3);
	}

}
