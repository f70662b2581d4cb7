package org.bawaba.procurement.ocds;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a change of a public tender visible to other systems, in the transaction of the change: an OCDS
 * release (a full snapshot of the contracting process at that moment, with the tag of what happened) and
 * the tender's new position in the changes feed.
 */
@Component
public class Publication {

	/** Serialises feed positions, so they are handed out in commit order (see the migration). */
	private static final long FEED_LOCK = 8_084_001L;

	private final JdbcClient db;

	private final ReleaseBuilder releases;

	private final JsonMapper json;

	Publication(JdbcClient db, ReleaseBuilder releases, JsonMapper json) {
		this.db = db;
		this.releases = releases;
		this.json = json;
	}

	/**
	 * Publishes the tender's current state as a release tagged {@code tag} (an OCDS release tag such as
	 * {@code tender}, {@code tenderAmendment}, {@code tenderUpdate}, {@code tenderCancellation}, {@code award},
	 * {@code contract}) and moves it to the end of the changes feed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(UUID tenderId, String tag, Instant at) {
		db.sql("select pg_advisory_xact_lock(?)").param(FEED_LOCK).query(Object.class).single();
		db.sql("update tender set change_seq = nextval('tender_change_seq'), date_modified = ? where id = ?")
			.params(Timestamp.from(at), tenderId)
			.update();
		String ocid = db.sql("select ocid from tender where id = ?").param(tenderId).query(String.class).single();
		long number = db.sql("select count(*) from ocds_release where ocid = ?").param(ocid).query(Long.class).single() + 1;
		String releaseId = "%s-%03d-%s".formatted(ocid, number, tag);
		ObjectNode release = releases.build(tenderId, releaseId, tag, at);
		db.sql("insert into ocds_release (ocid, release_id, tender_id, released_at, release) "
				+ "values (?, ?, ?, ?, cast(? as jsonb))")
			.params(ocid, releaseId, tenderId, Timestamp.from(at), json.writeValueAsString(release))
			.update();
	}

}
