package org.bawaba.notifications.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.notifications.support.PgArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What one reader's inbox holds: their own notices plus the broadcasts to their roles (minus the
 * categories they do not want in the inbox), with their read and deleted marks.
 */
@Repository
public class InboxStore {

	private static final String VISIBLE = """
			select id, category, event_type, subject_en, body_en, subject_ar, body_ar, link, event_count, created_at,
			  updated_at, read_at, false as broadcast
			from notice where recipient = :sub and in_inbox and deleted_at is null
			union all
			select b.id, b.category, b.event_type, b.subject_en, b.body_en, b.subject_ar, b.body_ar, b.link, 1,
			  b.created_at, b.created_at, s.read_at, true
			from broadcast b left join broadcast_state s on s.broadcast_id = b.id and s.sub = :sub
			where b.audience_role = any(:roles::text[]) and (b.expires_at is null or b.expires_at > now())
			  and s.deleted_at is null and not (b.category = any(:hidden::text[]))
			""";

	private final JdbcClient jdbc;

	InboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who is reading: their subject, roles and the categories they keep out of the inbox. */
	public record Reader(String sub, Collection<String> roles, Collection<String> hidden, Locale locale) {
	}

	public List<NoticeView> list(Reader reader, boolean unreadOnly, int page, int size) {
		return visible("select * from (" + VISIBLE + ") n where (not :unread or read_at is null)"
				+ " order by updated_at desc, id limit :size offset :offset", reader)
			.param("unread", unreadOnly)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, index) -> map(row, reader.locale()))
			.list();
	}

	public long unread(Reader reader) {
		return visible("select count(*) from (" + VISIBLE + ") n where read_at is null", reader)
			.query(Long.class)
			.single();
	}

	public Optional<NoticeView> find(Reader reader, UUID id) {
		return visible("select * from (" + VISIBLE + ") n where id = :id", reader)
			.param("id", id)
			.query((row, index) -> map(row, reader.locale()))
			.optional();
	}

	/** Those of {@code ids} the reader may see, in the order of {@code ids}. */
	public List<NoticeView> find(Reader reader, List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<NoticeView> found = visible("select * from (" + VISIBLE + ") n where id = any(:ids::uuid[])", reader)
			.param("ids", PgArrays.text(ids.stream().map(UUID::toString).toList()))
			.query((row, index) -> map(row, reader.locale()))
			.list();
		return found.stream().sorted(Comparator.comparingInt(notice -> ids.indexOf(notice.id()))).toList();
	}

	/** Marks read; false when the reader has no such notice. */
	public boolean markRead(Reader reader, UUID id) {
		return mark(reader, id, "read_at = coalesce(read_at, now())", "read_at");
	}

	/** Deletes from the reader's inbox; false when the reader has no such notice. */
	public boolean delete(Reader reader, UUID id) {
		return mark(reader, id, "deleted_at = now()", "deleted_at");
	}

	public int markAllRead(Reader reader) {
		int own = jdbc.sql("update notice set read_at = now() where recipient = ? and in_inbox and deleted_at is null"
				+ " and read_at is null").param(reader.sub()).update();
		List<UUID> broadcasts = visible("select id from (" + VISIBLE + ") n where broadcast and read_at is null", reader)
			.query(UUID.class)
			.list();
		broadcasts.forEach(id -> markBroadcast(reader.sub(), id, "read_at"));
		return own + broadcasts.size();
	}

	/** A query over what {@code reader} may see. */
	private JdbcClient.StatementSpec visible(String sql, Reader reader) {
		return jdbc.sql(sql)
			.param("sub", reader.sub())
			.param("roles", PgArrays.text(reader.roles()))
			.param("hidden", PgArrays.text(reader.hidden()));
	}

	private boolean mark(Reader reader, UUID id, String set, String column) {
		int own = jdbc.sql("update notice set " + set
				+ " where id = ? and recipient = ? and in_inbox and deleted_at is null")
			.params(id, reader.sub())
			.update();
		if (own > 0) {
			return true;
		}
		Optional<NoticeView> broadcast = find(reader, id).filter(NoticeView::broadcast);
		if (broadcast.isEmpty()) {
			return false;
		}
		markBroadcast(reader.sub(), id, column);
		return true;
	}

	private void markBroadcast(String sub, UUID id, String column) {
		jdbc.sql("insert into broadcast_state (broadcast_id, sub, " + column + ") values (?, ?, now())"
				+ " on conflict (broadcast_id, sub) do update set " + column + " = coalesce(broadcast_state." + column
				+ ", now())")
			.params(id, sub)
			.update();
	}

	static NoticeView map(ResultSet row, Locale locale) throws SQLException {
		boolean arabic = "ar".equals(locale.getLanguage());
		Timestamp readAt = row.getTimestamp("read_at");
		return new NoticeView(row.getObject("id", UUID.class), row.getString("category"), row.getString("event_type"),
				row.getString(arabic ? "subject_ar" : "subject_en"), row.getString(arabic ? "body_ar" : "body_en"),
				arabic ? "ar" : "en", arabic ? "rtl" : "ltr", row.getString("link"), row.getInt("event_count"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(), readAt != null,
				row.getBoolean("broadcast"));
	}

}
