package org.bawaba.eservices.payment;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

	private static final String COLUMNS = """
			id, application_id, amount, currency, status, redirect_url, failure_reason, created_at, completed_at""";

	private final JdbcClient db;

	PaymentRepository(JdbcClient db) {
		this.db = db;
	}

	void insert(Payment payment, String provider, String providerRef) {
		db.sql("""
				insert into payment (id, application_id, amount, currency, status, provider, provider_ref, redirect_url)
				values (?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
			.params(payment.id(), payment.applicationId(), payment.amount(), payment.currency(), provider, providerRef,
					payment.redirectUrl().toString())
			.update();
	}

	/** The payment, locked until the transaction ends so that concurrent callbacks apply once. */
	Optional<Payment> lock(UUID id) {
		return db.sql("select " + COLUMNS + " from payment where id = ? for update").param(id).query(this::map).optional();
	}

	Optional<Payment> find(UUID id) {
		return db.sql("select " + COLUMNS + " from payment where id = ?").param(id).query(this::map).optional();
	}

	Optional<UUID> byProviderRef(String providerRef) {
		return db.sql("select id from payment where provider_ref = ?").param(providerRef).query(UUID.class).optional();
	}

	List<Payment> of(UUID applicationId) {
		return db.sql("select " + COLUMNS + " from payment where application_id = ? order by created_at")
			.param(applicationId)
			.query(this::map)
			.list();
	}

	void complete(UUID id, Payment.Status status, @Nullable String failureReason, Instant at) {
		db.sql("update payment set status = ?, failure_reason = ?, completed_at = ? where id = ?")
			.params(status.name(), failureReason, Timestamp.from(at), id)
			.update();
	}

	private Payment map(ResultSet rs, int row) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getBigDecimal("amount"), rs.getString("currency"), Payment.Status.valueOf(rs.getString("status")),
				URI.create(rs.getString("redirect_url")), rs.getString("failure_reason"),
				rs.getTimestamp("created_at").toInstant(), completed == null ? null : completed.toInstant());
	}

}
