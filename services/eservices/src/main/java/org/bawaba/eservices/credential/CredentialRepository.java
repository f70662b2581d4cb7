package org.bawaba.eservices.credential;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.agency.CredentialIssuedV1;
import org.bawaba.contracts.agency.CredentialType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CredentialRepository {

	private static final String COLUMNS = """
			c.id, c.agency, c.holder_subject, c.type, c.issued_on, c.expires_on, c.replaces, c.renewed_by,
			(select r.application_id from credential_renewal r where r.credential_id = c.id and r.open) as renewal""";

	private static final RowMapper<Credential> ROW = (rs, i) -> new Credential(rs.getObject("id", UUID.class),
			rs.getString("agency"), rs.getString("holder_subject"), CredentialType.valueOf(rs.getString("type")),
			rs.getDate("issued_on").toLocalDate(), rs.getDate("expires_on").toLocalDate(),
			rs.getObject("replaces", UUID.class), rs.getObject("renewed_by", UUID.class),
			rs.getObject("renewal", UUID.class), "VALID");

	private final JdbcClient db;

	CredentialRepository(JdbcClient db) {
		this.db = db;
	}

	/** Records an announced credential; false when it is known already. */
	boolean insert(CredentialIssuedV1 event) {
		return db.sql("""
				insert into credential (id, agency, holder_subject, type, issued_on, expires_on, issued_at, replaces)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
			.params(event.credentialId(), event.agency(), event.citizen(), event.type().name(),
					Date.valueOf(event.issuedOn()), Date.valueOf(event.expiresOn()), Timestamp.from(event.issuedAt()),
					event.replaces())
			.update() == 1;
	}

	/** Marks {@code old} renewed by {@code renewal} if it is the same holder's of the same agency and not renewed yet. */
	boolean markRenewed(UUID old, UUID renewal, String holder, String agency) {
		return db.sql("""
				update credential set renewed_by = ?, renewed_at = now()
				where id = ? and holder_subject = ? and agency = ? and renewed_by is null""")
			.params(renewal, old, holder, agency)
			.update() == 1;
	}

	Optional<Credential> find(UUID id) {
		return db.sql("select " + COLUMNS + " from credential c where c.id = ?").param(id).query(ROW).optional();
	}

	/** Locks the credential's row for the rest of the transaction (one renewal at a time). */
	Optional<Credential> findForUpdate(UUID id) {
		db.sql("select id from credential where id = ? for update").param(id).query(UUID.class).optional();
		return find(id);
	}

	List<Credential> ofHolder(String holder) {
		return db.sql("select " + COLUMNS + " from credential c where c.holder_subject = ? order by c.expires_on, c.id")
			.param(holder)
			.query(ROW)
			.list();
	}

	/**
	 * Credentials (of {@code agency}, or all) expiring between {@code from} and {@code until}, not renewed and
	 * without an open renewal.
	 */
	List<Credential> expiring(LocalDate from, LocalDate until, @Nullable String agency) {
		return db.sql("select " + COLUMNS + """
				 from credential c
				where c.expires_on between ? and ? and c.renewed_by is null
				  and (cast(? as text) is null or c.agency = ?)
				  and not exists (select 1 from credential_renewal r where r.credential_id = c.id and r.open)
				order by c.expires_on, c.id""")
			.params(Date.valueOf(from), Date.valueOf(until), agency, agency)
			.query(ROW)
			.list();
	}

	/** Claims the notice of a credential for a window; false when it was sent already (by any run or instance). */
	boolean claimNotice(UUID credential, int windowDays) {
		return db.sql("insert into credential_notice (credential_id, window_days) values (?, ?) on conflict do nothing")
			.params(credential, windowDays)
			.update() == 1;
	}

	/** Records a renewal application; false when the credential has an open one already. */
	boolean openRenewal(UUID application, UUID credential) {
		return db.sql("""
				insert into credential_renewal (application_id, credential_id) values (?, ?)
				on conflict (credential_id) where open do nothing""")
			.params(application, credential)
			.update() == 1;
	}

	/** The credential whose renewal is {@code application}. */
	Optional<UUID> credentialOfRenewal(UUID application) {
		return db.sql("select credential_id from credential_renewal where application_id = ?")
			.param(application)
			.query(UUID.class)
			.optional();
	}

	/** Closes the renewal application of a credential (completed or rejected). */
	void closeRenewal(UUID application) {
		db.sql("update credential_renewal set open = false, closed_at = now() where application_id = ? and open")
			.param(application)
			.update();
	}

	/** The open renewal application of a credential. */
	Optional<UUID> openRenewalOf(UUID credential) {
		return db.sql("select application_id from credential_renewal where credential_id = ? and open")
			.param(credential)
			.query(UUID.class)
			.optional();
	}

}
