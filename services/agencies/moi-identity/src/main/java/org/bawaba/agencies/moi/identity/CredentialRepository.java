package org.bawaba.agencies.moi.identity;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.agency.CredentialType;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CredentialRepository {

	private static final RowMapper<Credential> ROW = (rows, i) -> new Credential(rows.getObject("id", UUID.class),
			rows.getString("citizen"), CredentialType.valueOf(rows.getString("type")), rows.getString("number"),
			rows.getDate("issued_on").toLocalDate(), rows.getDate("expires_on").toLocalDate(),
			rows.getTimestamp("issued_at").toInstant(), rows.getObject("replaces", UUID.class));

	private final JdbcClient jdbc;

	CredentialRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the credential; false when its number is taken. */
	boolean insert(Credential credential) {
		return jdbc.sql("""
				insert into credential (id, citizen, type, number, issued_on, expires_on, issued_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (number) do nothing
				""")
			.params(credential.id(), credential.citizen(), credential.type().name(), credential.number(),
					Date.valueOf(credential.issuedOn()), Date.valueOf(credential.expiresOn()),
					Timestamp.from(credential.issuedAt()))
			.update() == 1;
	}

	/** Inserts a renewed credential; false when its number is taken or its predecessor is renewed already. */
	boolean insertRenewal(Credential credential) {
		return jdbc.sql("""
				insert into credential (id, citizen, type, number, issued_on, expires_on, issued_at, replaces)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
				""")
			.params(credential.id(), credential.citizen(), credential.type().name(), credential.number(),
					Date.valueOf(credential.issuedOn()), Date.valueOf(credential.expiresOn()),
					Timestamp.from(credential.issuedAt()), credential.replaces())
			.update() == 1;
	}

	/** The credential that renewed {@code id}, if any. */
	Optional<Credential> renewalOf(UUID id) {
		return jdbc.sql("select * from credential where replaces = ?").param(id).query(ROW).optional();
	}

	Optional<Credential> find(UUID id) {
		return jdbc.sql("select * from credential where id = ?").param(id).query(ROW).optional();
	}

	List<Credential> ofCitizen(String citizen) {
		return jdbc.sql("select * from credential where citizen = ? order by expires_on").param(citizen).query(ROW).list();
	}

}
