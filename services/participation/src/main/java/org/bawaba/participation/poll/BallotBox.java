package org.bawaba.participation.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret ballot. Who voted ({@code poll_participation}: poll, voter) and what was chosen
 * ({@code poll_ballot}: poll, options, receipt) are written in one transaction and share nothing but the poll:
 * no voter column, no time column, no sequence. The receipt is 80 random bits, shown to the voter once; the
 * ballot keeps only its SHA-256 digest. Nothing, no key either, derives it from the voter, so neither the
 * database nor anyone holding the service's secrets links a voter to a ballot through it.
 * The mixer rewrites a poll's ballots in random order in a transaction of its own, which also replaces the
 * rows' {@code xmin} (the inserting transaction id, shared with the participation row until then).
 * Nothing here logs, and no event is published per vote.
 */
@Component
class BallotBox {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final SecureRandom random = new SecureRandom();

	BallotBox(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Casts a ballot in the caller's transaction, once per voter: the participation row's primary key
	 * decides (under any concurrency, on any instance). Returns the receipt when this call counted the
	 * ballot, or null when the voter had voted already (their receipt is not kept anywhere to show again).
	 */
	@Nullable String cast(UUID pollId, String voter, List<UUID> optionIds) {
		int inserted = jdbc.sql("insert into poll_participation (poll_id, voter_sub) values (?, ?) on conflict do nothing")
			.params(pollId, voter)
			.update();
		if (inserted == 0) {
			return null;
		}
		String receipt = newReceipt();
		String[] options = optionIds.stream().map(UUID::toString).sorted().toArray(String[]::new);
		jdbc.sql("insert into poll_ballot (receipt, poll_id, option_ids) values (?, ?, cast(? as uuid[]))")
			.params(digest(receipt), pollId, options)
			.update();
		return receipt;
	}

	boolean hasVoted(UUID pollId, String voter) {
		return jdbc.sql("select count(*) from poll_participation where poll_id = ? and voter_sub = ?")
			.params(pollId, voter)
			.query(Long.class)
			.single() > 0;
	}

	boolean counted(UUID pollId, String receipt) {
		return jdbc.sql("select count(*) from poll_ballot where poll_id = ? and receipt = ?")
			.params(pollId, digest(receipt))
			.query(Long.class)
			.single() > 0;
	}

	/** {@code XXXX-XXXX-XXXX-XXXX-XXXX}: 80 random bits. */
	private String newReceipt() {
		byte[] bits = new byte[10];
		random.nextBytes(bits);
		String hex = HEX.formatHex(bits);
		return String.join("-", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12), hex.substring(12, 16),
				hex.substring(16, 20));
	}

	/** What the ballot keeps of its receipt: the SHA-256 digest (hex), which shows a receipt is real but gives none. */
	static String digest(String receipt) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(receipt.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
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
