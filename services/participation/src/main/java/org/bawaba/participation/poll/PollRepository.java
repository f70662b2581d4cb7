package org.bawaba.participation.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.participation.PollAudience;
import org.bawaba.contracts.participation.Text;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Polls and their options. Ballots and participation are {@link BallotBox}'s. */
@Repository
class PollRepository {

	private static final String COLUMNS = """
			id, agency, question_en, question_ar, multiple_choice, max_choices, audience, results_visibility,
			suppression_threshold, opens_at, closes_at, closed_at""";

	private final JdbcClient jdbc;

	PollRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Poll poll, String createdBy, Instant now, boolean openedPublished) {
		jdbc.sql("""
				insert into poll (id, agency, question_en, question_ar, multiple_choice, max_choices, audience,
				  results_visibility, suppression_threshold, opens_at, closes_at, opened_published, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(poll.id(), poll.agency(), poll.question().en(), poll.question().ar(), poll.multipleChoice(),
					poll.maxChoices(), poll.audience().name(), poll.resultsVisibility().name(),
					poll.suppressionThreshold(), ts(poll.opensAt()), ts(poll.closesAt()), openedPublished, createdBy,
					ts(now))
			.update();
		int position = 0;
		for (Poll.Option option : poll.options()) {
			jdbc.sql("insert into poll_option (id, poll_id, position, label_en, label_ar) values (?, ?, ?, ?, ?)")
				.params(option.id(), poll.id(), position++, option.label().en(), option.label().ar())
				.update();
		}
	}

	Optional<Poll> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from poll where id = ?").param(id).query(this::row).optional()
			.map(this::withOptions);
	}

	/**
	 * The poll, with a share lock that a vote holds until it commits: closing (an update of the row) waits for
	 * votes in flight, and a vote that comes after the close sees it closed. So the closing count is final.
	 */
	Optional<Poll> findForVote(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from poll where id = ? for share").param(id).query(this::row)
			.optional()
			.map(this::withOptions);
	}

	/** Polls, newest closing time first; {@code state} OPEN, UPCOMING, CLOSED or null for all. */
	List<Poll> list(@Nullable String agency, @Nullable String state, Instant now, int page, int size) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from poll where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (agency != null) {
			sql.append(" and agency = ?");
			args.add(agency);
		}
		if ("OPEN".equals(state)) {
			sql.append(" and closed_at is null and opens_at <= ? and closes_at > ?");
			args.add(ts(now));
			args.add(ts(now));
		}
		else if ("UPCOMING".equals(state)) {
			sql.append(" and closed_at is null and opens_at > ?");
			args.add(ts(now));
		}
		else if ("CLOSED".equals(state)) {
			sql.append(" and (closed_at is not null or closes_at <= ?)");
			args.add(ts(now));
		}
		sql.append(" order by closes_at desc, id limit ? offset ?");
		args.add(size);
		args.add(page * size);
		return jdbc.sql(sql.toString()).params(args).query(this::row).list().stream().map(this::withOptions).toList();
	}

	/** Marks a poll closed at {@code at} unless it is already: true for the one caller that closed it. */
	boolean markClosed(UUID id, Instant at) {
		return jdbc.sql("update poll set closed_at = ? where id = ? and closed_at is null").params(ts(at), id)
			.update() == 1;
	}

	/** Polls whose closing time has come and that are not closed yet, locked for this transaction only. */
	List<UUID> dueToClose(Instant now, int limit) {
		return jdbc.sql("""
				select id from poll where closed_at is null and closes_at <= ?
				order by closes_at limit ? for update skip locked""")
			.params(ts(now), limit)
			.query(UUID.class)
			.list();
	}

	/** Marks polls whose opening time has come as announced, returning them (each once, whoever runs it). */
	List<UUID> markOpened(Instant now, int limit) {
		return jdbc.sql("""
				update poll set opened_published = true where id in (
				  select id from poll where not opened_published and opens_at <= ? and closed_at is null
				  order by opens_at limit ? for update skip locked)
				returning id""")
			.params(ts(now), limit)
			.query(UUID.class)
			.list();
	}

	private Poll withOptions(Poll poll) {
		List<Poll.Option> options = jdbc
			.sql("select id, label_en, label_ar from poll_option where poll_id = ? order by position")
			.param(poll.id())
			.query((rs, n) -> new Poll.Option(rs.getObject("id", UUID.class),
					new Text(rs.getString("label_en"), rs.getString("label_ar"))))
			.list();
		return new Poll(poll.id(), poll.agency(), poll.question(), options, poll.multipleChoice(), poll.maxChoices(),
				poll.audience(), poll.resultsVisibility(), poll.suppressionThreshold(), poll.opensAt(),
				poll.closesAt(), poll.closedAt(), poll.state(), poll.voted());
	}

	/** Ballots per option (in the options' order) and the number of ballots. */
	Tally tally(UUID pollId) {
		Map<UUID, Integer> votes = new LinkedHashMap<>();
		jdbc.sql("""
				select o.id, count(b.receipt) as votes
				from poll_option o left join poll_ballot b on b.poll_id = o.poll_id and o.id = any (b.option_ids)
				where o.poll_id = ? group by o.id, o.position order by o.position""")
			.param(pollId)
			.query((rs, n) -> votes.put(rs.getObject("id", UUID.class), rs.getInt("votes")))
			.list();
		int total = (int) jdbc.sql("select count(*) from poll_ballot where poll_id = ?").param(pollId)
			.query(Long.class).single().longValue();
		return new Tally(votes, total);
	}

	record Tally(Map<UUID, Integer> votes, int total) {
	}

	private Poll row(ResultSet rs, int n) throws SQLException {
		return new Poll(rs.getObject("id", UUID.class), rs.getString("agency"),
				new Text(rs.getString("question_en"), rs.getString("question_ar")), List.of(),
				rs.getBoolean("multiple_choice"), rs.getInt("max_choices"),
				PollAudience.valueOf(rs.getString("audience")),
				ResultsVisibility.valueOf(rs.getString("results_visibility")), rs.getInt("suppression_threshold"),
				rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
				instant(rs.getTimestamp("closed_at")), "", null);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
