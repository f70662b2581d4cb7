package org.bawaba.procurement.bid;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.procurement.sealing.SealedBox;
import org.bawaba.procurement.sealing.TenderKeys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BidRepository {

	private final JdbcClient db;

	BidRepository(JdbcClient db) {
		this.db = db;
	}

	void insert(UUID id, UUID tenderId, UUID supplierId, Instant at, String sha256, SealedBox.Sealed sealed,
			byte[] signature) {
		db.sql("""
				insert into bid (id, tender_id, supplier_id, status, submitted_at, content_sha256, ephemeral_key, nonce,
				  ciphertext, signature)
				values (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)""")
			.params(id, tenderId, supplierId, Timestamp.from(at), sha256, sealed.ephemeralKey(), sealed.nonce(),
					sealed.ciphertext(), signature)
			.update();
	}

	void replace(UUID id, Instant at, String sha256, SealedBox.Sealed sealed, byte[] signature) {
		db.sql("""
				update bid set submitted_at = ?, content_sha256 = ?, ephemeral_key = ?, nonce = ?, ciphertext = ?,
				  signature = ? where id = ?""")
			.params(Timestamp.from(at), sha256, sealed.ephemeralKey(), sealed.nonce(), sealed.ciphertext(), signature, id)
			.update();
	}

	/** Withdrawn: the sealed content is erased. */
	void withdraw(UUID id, Instant at) {
		db.sql("""
				update bid set status = 'WITHDRAWN', withdrawn_at = ?, ephemeral_key = null, nonce = null,
				  ciphertext = null where id = ?""")
			.params(Timestamp.from(at), id)
			.update();
	}

	void opened(UUID id, BigDecimal amount, String currency) {
		db.sql("update bid set opened_amount = ?, opened_currency = ? where id = ?").params(amount, currency, id).update();
	}

	Optional<Bid> find(UUID id) {
		return db.sql("select * from bid where id = ?").param(id).query(Bid::map).optional();
	}

	Optional<Bid> active(UUID tenderId, UUID supplierId) {
		return db.sql("select * from bid where tender_id = ? and supplier_id = ? and status = 'ACTIVE'")
			.params(tenderId, supplierId)
			.query(Bid::map)
			.optional();
	}

	List<Bid> activeOf(UUID tenderId) {
		return db.sql("select * from bid where tender_id = ? and status = 'ACTIVE' order by submitted_at, id")
			.param(tenderId)
			.query(Bid::map)
			.list();
	}

	List<Bid> ofSupplier(UUID supplierId, @org.jspecify.annotations.Nullable UUID tenderId) {
		return db.sql("select * from bid where supplier_id = :supplier and (cast(:tender as uuid) is null "
				+ "or tender_id = :tender) order by submitted_at desc, id")
			.param("supplier", supplierId)
			.param("tender", tenderId)
			.query(Bid::map)
			.list();
	}

	TenderKeys.StoredKey key(UUID tenderId) {
		return db.sql("select public_key, wrapped_private_key, opening_time_tag from tender_key where tender_id = ?")
			.param(tenderId)
			.query((rs, row) -> new TenderKeys.StoredKey(rs.getBytes("public_key"), rs.getBytes("wrapped_private_key"),
					rs.getBytes("opening_time_tag")))
			.single();
	}

	void keyReleased(UUID tenderId, Instant at) {
		db.sql("update tender_key set released_at = ? where tender_id = ? and released_at is null")
			.params(Timestamp.from(at), tenderId)
			.update();
	}

	List<UUID> dueForOpening(Instant now) {
		return db.sql("select id from tender where status = 'PUBLISHED' and opening_time <= ? order by opening_time")
			.param(Timestamp.from(now))
			.query(UUID.class)
			.list();
	}

	/** Locks the tender for its opening; empty when another instance is opening it right now. */
	boolean lockForOpening(UUID tenderId) {
		return db.sql("select id from tender where id = ? and status = 'PUBLISHED' for update skip locked")
			.param(tenderId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

}
