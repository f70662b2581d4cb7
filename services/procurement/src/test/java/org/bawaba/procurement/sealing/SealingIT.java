package org.bawaba.procurement.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.procurement.DatabaseDump;
import org.bawaba.procurement.ProcurementIT;
import org.bawaba.procurement.ProcurementProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The key is not derivable from the database: with everything the database holds, only the
 * key-encryption key (outside it) unwraps a tender's opening key, only from the opening time on, and only
 * for the opening time authenticated at publication.
 */
class SealingIT extends ProcurementIT {

	@Test
	void withOnlyTheDatabaseNothingDecryptsAndWithTheKeyOnlyFromTheOpeningTime() throws Exception {
		String supplier = registeredSupplier("Vault");
		JsonNode tender = publishedTender(MOI_STAFF);
		UUID id = UUID.fromString(tender.get("id").asString());
		Instant opening = Instant.parse(tender.get("openingTime").asString());
		String bidId = ok(post("/tenders/" + id + "/bids", bid("31415.92"), supplier), 201).get("id").asString();
		String supplierId = ok(get("/suppliers/me", supplier), 200).get("id").asString();

		TenderKeys.StoredKey stored = new TenderKeys.StoredKey(
				DatabaseDump.bytes(DATABASE, "select public_key from tender_key where tender_id = ?", id),
				DatabaseDump.bytes(DATABASE, "select wrapped_private_key from tender_key where tender_id = ?", id),
				DatabaseDump.bytes(DATABASE, "select opening_time_tag from tender_key where tender_id = ?", id));
		SealedBox.Sealed sealed = new SealedBox.Sealed(
				DatabaseDump.bytes(DATABASE, "select ephemeral_key from bid where id = ?::uuid", bidId),
				DatabaseDump.bytes(DATABASE, "select nonce from bid where id = ?::uuid", bidId),
				DatabaseDump.bytes(DATABASE, "select ciphertext from bid where id = ?::uuid", bidId));
		String associatedData = "bid|" + id + "|" + bidId + "|" + supplierId;

		// the key-encryption key lives in a file outside the database, and nowhere in it
		Path kekFile = DATA.resolve(KeyMaterial.KEK_FILE);
		String kek = Files.readString(kekFile).trim();
		assertThat(Files.getPosixFilePermissions(kekFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		String everything = DatabaseDump.allRows(DATABASE);
		assertThat(everything).doesNotContain(kek).doesNotContain(HexFormat.of().formatHex(Base64.getDecoder().decode(kek)));

		// someone with the database but another key-encryption key: nothing unwraps, even after the opening
		Clock afterOpening = Clock.fixed(opening.plus(Duration.ofDays(1)), ZoneOffset.UTC);
		byte[] guessed = new byte[32];
		new SecureRandom().nextBytes(guessed);
		TenderKeys attacker = keys(Base64.getEncoder().encodeToString(guessed), afterOpening);
		assertThatThrownBy(() -> attacker.release(id, opening, stored)).isInstanceOf(SecurityException.class);

		// the right key-encryption key: refused one millisecond before the opening, released at it
		TenderKeys before = keys(kek, Clock.fixed(opening.minusMillis(1), ZoneOffset.UTC));
		assertThatThrownBy(() -> before.release(id, opening, stored))
			.isInstanceOf(TenderKeys.SealedUntilOpeningException.class);
		TenderKeys atOpening = keys(kek, Clock.fixed(opening, ZoneOffset.UTC));
		String content = new String(atOpening.release(id, opening, stored).open(sealed, associatedData),
				StandardCharsets.UTF_8);
		assertThat(content).contains("\"amount\":\"31415.92\"");

		// a database writer who moves the opening time earlier gets a refusal, not the key
		Instant moved = opening.minus(Duration.ofHours(3));
		assertThatThrownBy(() -> atOpening.release(id, moved, stored)).isInstanceOf(SecurityException.class);
		// and a sealed bid moved to another supplier or tender does not open
		assertThatThrownBy(() -> atOpening.release(id, opening, stored).open(sealed,
				"bid|" + id + "|" + bidId + "|" + UUID.randomUUID())).isInstanceOf(SecurityException.class);
	}

	@Test
	void theOpeningJobDoesNotOpenATenderWhoseOpeningTimeWasMovedInTheDatabase() {
		String supplier = registeredSupplier("Early");
		JsonNode tender = publishedTender(MME_STAFF);
		String id = tender.get("id").asString();
		ok(post("/tenders/" + id + "/bids", bid("2718.28"), supplier), 201);
		TestDatabase.execute(DATABASE, "update tender set opening_time = now() - interval '1 day' where id = '" + id + "'");
		long released = TestDatabase.count(DATABASE, "select count(*) from audit_log where action = 'opening-key-released'");
		try {
			// the job runs every 200 ms: five chances to open it early
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(json(get("/tenders/" + id, null)).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bid where tender_id = ?::uuid "
				+ "and opened_amount is not null", id)).isZero();
		assertThat(TestDatabase.count(DATABASE, "select count(*) from audit_log where action = 'opening-key-released'"))
			.isEqualTo(released);
		TestDatabase.execute(DATABASE, "update tender set opening_time = '" + tender.get("openingTime").asString()
				+ "' where id = '" + id + "'");
	}

	private TenderKeys keys(String kek, Clock clock) throws Exception {
		KeyPair receipt = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		ProcurementProperties properties = new ProcurementProperties(DATA.resolve("unused"),
				new ProcurementProperties.Sealing(kek, null, false),
				new ProcurementProperties.Receipts(Base64.getEncoder().encodeToString(receipt.getPrivate().getEncoded())
						+ ":" + Base64.getEncoder().encodeToString(receipt.getPublic().getEncoded())),
				new ProcurementProperties.Opening(Duration.ofSeconds(1)), null, null, Map.of(), List.of());
		return new TenderKeys(new KeyMaterial(properties), clock);
	}

}
