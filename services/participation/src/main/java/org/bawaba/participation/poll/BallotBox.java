package org.bawaba.participation.poll;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret ballot. Who voted ({@code poll_participation}: poll, voter) and what was chosen
 * ({@code poll_ballot}: poll, options, receipt) are written in one transaction and share nothing but the poll:
 * no voter column, no time column, no sequence. The receipt is an HMAC of poll and voter under a key that is
 * not in the database, so a repeated vote gets its receipt again without the database linking the two.
 * The mixer rewrites a poll's ballots in random order in a transaction of its own, which also replaces the
 * rows' {@code xmin} (the inserting transaction id, shared with the participation row until then).
 * Nothing here logs, and no event is published per vote.
 */
@Component
class BallotBox {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	BallotBox(JdbcClient jdbc, JdbcTemplate template, PollProperties properties) {
		this.jdbc = jdbc;
		this.template = template;
		this.key = new SecretKeySpec(properties.receiptSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * Casts a ballot in the caller's transaction, once per voter: the participation row's primary key
	 * decides (under any concurrency, on any instance). Returns true when this call counted the ballot.
	 */
	boolean cast(UUID pollId, String voter, List<UUID> optionIds) {
		int inserted = jdbc.sql("insert into poll_participation (poll_id, voter_sub) values (?, ?) on conflict do nothing")
			.params(pollId, voter)
			.update();
		if (inserted == 0) {
			return false;
		}
		String[] options = optionIds.stream().map(UUID::toString).sorted().toArray(String[]::new);
		jdbc.sql("insert into poll_ballot (receipt, poll_id, option_ids) values (?, ?, cast(? as uuid[]))")
			.params(receipt(pollId, voter), pollId, options)
			.update();
		return true;
	}

	boolean hasVoted(UUID pollId, String voter) {
		return jdbc.sql("select count(*) from poll_participation where poll_id = ? and voter_sub = ?")
			.params(pollId, voter)
			.query(Long.class)
			.single() > 0;
	}

	boolean counted(UUID pollId, String receipt) {
		return jdbc.sql("select count(*) from poll_ballot where poll_id = ? and receipt = ?")
			.params(pollId, receipt)
			.query(Long.class)
			.single() > 0;
	}

	/** {@code XXXX-XXXX-XXXX-XXXX-XXXX}: the first 80 bits of HMAC-SHA256(key, pollId|voter). */
	String receipt(UUID pollId, String voter) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal((pollId + "|" + voter).getBytes(StandardCharsets.UTF_8));
			String hex = HEX.formatHex(digest, 0, 10);
			return String.join("-", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12),
					hex.substring(12, 16), hex.substring(16, 20));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Polls with ballots the mixer has not rewritten yet. */
	List<UUID> unmixed() {
		return jdbc.sql("select distinct poll_id from poll_ballot where not mixed").query(UUID.class).list();
	}

	/**
	 * Rewrites every ballot of the poll in random order, in the caller's transaction: their physical order and
	 * {@code xmin} then say nothing about when, or in which transaction, each was cast.
	 */
	void mix(UUID pollId) {
		List<Object[]> ballots = new ArrayList<>(jdbc
			.sql("delete from poll_ballot where poll_id = ? returning receipt, cast(option_ids as text[]) as options")
			.param(pollId)
			.query((rs, n) -> new Object[] { rs.getString("receipt"), pollId, rs.getArray("options").getArray() })
			.list());
		Collections.shuffle(ballots, random);
		template.batchUpdate(
				"insert into poll_ballot (receipt, poll_id, option_ids, mixed) values (?, ?, cast(? as uuid[]), true)",
				ballots);
	}

}
