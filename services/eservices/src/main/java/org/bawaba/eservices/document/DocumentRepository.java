package org.bawaba.eservices.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bawaba.eservices.application.AttachedDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DocumentRepository implements AttachedDocuments {

	private static final String COLUMNS = "id, application_id, type, filename, media_type, size_bytes, sha256, uploaded_at";

	private final JdbcClient db;

	DocumentRepository(JdbcClient db) {
		this.db = db;
	}

	void insert(Document document, String uploadedBy) {
		db.sql("""
				insert into application_document (id, application_id, type, filename, media_type, size_bytes, sha256,
				  uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(document.id(), document.applicationId(), document.type(), document.filename(),
					document.mediaType(), document.size(), document.sha256(), uploadedBy)
			.update();
	}

	List<Document> of(UUID applicationId) {
		return db.sql("select " + COLUMNS + " from application_document where application_id = ? order by uploaded_at")
			.param(applicationId)
			.query(this::map)
			.list();
	}

	Optional<Document> find(UUID applicationId, UUID id) {
		return db.sql("select " + COLUMNS + " from application_document where application_id = ? and id = ?")
			.params(applicationId, id)
			.query(this::map)
			.optional();
	}

	@Override
	public Set<String> typesOf(UUID applicationId) {
		return new HashSet<>(db.sql("select distinct type from application_document where application_id = ?")
			.param(applicationId)
			.query(String.class)
			.list());
	}

	private Document map(ResultSet rs, int row) throws SQLException {
		return new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

}
