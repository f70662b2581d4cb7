package org.bawaba.agencies.moph.births;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BirthCertificateRepository {

	private static final RowMapper<BirthCertificate> ROW = (rs, n) -> new BirthCertificate(
			rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class), rs.getString("parent"),
			rs.getString("reference"), rs.getTimestamp("issued_at").toInstant());

	private final JdbcClient db;

	BirthCertificateRepository(JdbcClient db) {
		this.db = db;
	}

	long nextNumber() {
		return db.sql("select nextval('birth_certificate_seq')").query(Long.class).single();
	}

	/** Inserts the certificate unless the application has one already. */
	void insertOnce(BirthCertificate certificate) {
		db.sql("""
				insert into birth_certificate (id, application_id, parent, reference, issued_at)
				values (?, ?, ?, ?, ?) on conflict (application_id) do nothing""")
			.params(certificate.id(), certificate.applicationId(), certificate.parent(), certificate.reference(),
					Timestamp.from(certificate.issuedAt()))
			.update();
	}

	Optional<BirthCertificate> ofApplication(UUID application) {
		return db.sql("select * from birth_certificate where application_id = ?").param(application).query(ROW)
			.optional();
	}

	Optional<BirthCertificate> find(UUID id) {
		return db.sql("select * from birth_certificate where id = ?").param(id).query(ROW).optional();
	}

	List<BirthCertificate> ofParent(String parent) {
		return db.sql("select * from birth_certificate where parent = ? order by issued_at").param(parent).query(ROW)
			.list();
	}

}
