package org.bawaba.procurement.tender;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.bawaba.procurement.web.Text;
import org.jspecify.annotations.Nullable;

/**
 * A supplier's question about a tender and the agency's answer; the asker is never shown.
 *
 * @param mine whether the caller's supplier asked it
 */
public record Clarification(UUID id, String question, @Nullable Text answer, Instant askedAt,
		@Nullable Instant answeredAt, boolean mine) {

	static Clarification map(ResultSet rs, int row) throws SQLException {
		String en = rs.getString("answer_en");
		return new Clarification(rs.getObject("id", UUID.class), rs.getString("question"),
				en == null ? null : new Text(en, rs.getString("answer_ar")), rs.getTimestamp("asked_at").toInstant(),
				rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
				rs.getBoolean("mine"));
	}

}
