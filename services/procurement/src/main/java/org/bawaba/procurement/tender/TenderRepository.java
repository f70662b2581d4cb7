package org.bawaba.procurement.tender;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.procurement.tender.Tender.AwardSummary;
import org.bawaba.procurement.tender.Tender.ContractSummary;
import org.bawaba.procurement.tender.Tender.Value;
import org.bawaba.procurement.web.Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TenderRepository {

	private static final String SELECT = """
			select t.*, a.id as award_id, a.bid_id as award_bid_id, a.supplier_id as award_supplier_id,
			  s.name_en as award_supplier_name, a.amount as award_amount, a.currency as award_currency,
			  a.justification_en, a.justification_ar, a.awarded_at, a.standstill_ends_at,
			  c.id as contract_id, c.amount as contract_amount, c.currency as contract_currency, c.signed_at
			from tender t
			left join award a on a.tender_id = t.id
			left join supplier s on s.id = a.supplier_id
			left join contract c on c.tender_id = t.id
			""";

	private final JdbcClient db;

	private final JsonMapper json;

	TenderRepository(JdbcClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	void insert(UUID id, String ocid, String agency, Requests.TenderText text, String createdBy, Instant now) {
		db.sql("""
				insert into tender (id, ocid, agency, status, version, title_en, title_ar, description_en,
				  description_ar, category, estimated_amount, currency, documents, criteria, clarification_deadline,
				  submission_deadline, opening_time, created_by, created_at)
				values (?, ?, ?, 'DRAFT', 0, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)""")
			.params(id, ocid, agency, text.title().en(), text.title().ar(), text.description().en(),
					text.description().ar(), text.category(), text.estimatedValue().amount(),
					text.estimatedValue().currency(), json.writeValueAsString(documents(text)),
					json.writeValueAsString(criteria(text)), Timestamp.from(text.clarificationDeadline()),
					Timestamp.from(text.submissionDeadline()), Timestamp.from(text.openingTime()), createdBy,
					Timestamp.from(now))
			.update();
	}

	/** Replaces the text of a tender (a draft's edit, or an amendment with its possibly extended deadlines). */
	void updateText(UUID id, Requests.TenderText text, Instant submissionDeadline, Instant openingTime) {
		db.sql("""
				update tender set title_en = ?, title_ar = ?, description_en = ?, description_ar = ?, category = ?,
				  estimated_amount = ?, currency = ?, documents = cast(? as jsonb), criteria = cast(? as jsonb),
				  clarification_deadline = ?, submission_deadline = ?, opening_time = ?
				where id = ?""")
			.params(text.title().en(), text.title().ar(), text.description().en(), text.description().ar(),
					text.category(), text.estimatedValue().amount(), text.estimatedValue().currency(),
					json.writeValueAsString(documents(text)), json.writeValueAsString(criteria(text)),
					Timestamp.from(text.clarificationDeadline()), Timestamp.from(submissionDeadline),
					Timestamp.from(openingTime), id)
			.update();
	}

	/** Moves a tender if it still has status {@code from}; false when someone else moved it first. */
	public boolean move(UUID id, TenderStatus from, TenderStatus to, Instant now) {
		return db.sql("""
				update tender set status = :to,
				  published_at = case when :to = 'PUBLISHED' then :now else published_at end,
				  cancelled_at = case when :to = 'CANCELLED' then :now else cancelled_at end,
				  opened_at = case when :to = 'OPENED' then :now else opened_at end,
				  evaluated_at = case when :to = 'EVALUATED' then :now else evaluated_at end
				where id = :id and status = :from""")
			.param("to", to.name())
			.param("from", from.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	void cancelReason(UUID id, String reason) {
		db.sql("update tender set cancel_reason = ? where id = ?").params(reason, id).update();
	}

	void newVersion(UUID id, int version, @Nullable String rationale, Instant now) {
		db.sql("update tender set version = ? where id = ?").params(version, id).update();
		Tender tender = find(id).orElseThrow();
		db.sql("insert into tender_version (tender_id, version, rationale, snapshot, published_at) "
				+ "values (?, ?, ?, cast(? as jsonb), ?)")
			.params(id, version, rationale, json.writeValueAsString(tender), Timestamp.from(now))
			.update();
	}

	/** The tender, locked for the rest of the transaction. */
	public Optional<Tender> lock(UUID id) {
		db.sql("select id from tender where id = ? for update").param(id).query(UUID.class).optional();
		return find(id);
	}

	public Optional<Tender> find(UUID id) {
		return db.sql(SELECT + " where t.id = ?").param(id).query(this::map).optional();
	}

	List<Tender> list(@Nullable String agency, @Nullable String category, @Nullable TenderStatus status,
			boolean drafts, int page, int size) {
		return db.sql(SELECT + where() + " order by t.published_at desc nulls last, t.created_at desc, t.id "
				+ "limit :size offset :offset")
			.param("agency", agency)
			.param("category", category)
			.param("status", status == null ? null : status.name())
			.param("drafts", drafts)
			.param("size", size)
			.param("offset", page * size)
			.query(this::map)
			.list();
	}

	long count(@Nullable String agency, @Nullable String category, @Nullable TenderStatus status, boolean drafts) {
		return db.sql("select count(*) from tender t " + where())
			.param("agency", agency)
			.param("category", category)
			.param("status", status == null ? null : status.name())
			.param("drafts", drafts)
			.query(Long.class)
			.single();
	}

	private static String where() {
		return """
				where (t.status = 'DRAFT') = :drafts
				  and (cast(:agency as text) is null or t.agency = :agency)
				  and (cast(:category as text) is null or t.category = :category)
				  and (cast(:status as text) is null or t.status = :status)""";
	}

	/** Published tenders changed after {@code offset} in the changes feed, in feed order. */
	List<FeedEntry> changedAfter(long offset, int limit) {
		return db.sql(SELECT + " where t.change_seq > ? order by t.change_seq limit ?")
			.params(offset, limit)
			.query((rs, row) -> new FeedEntry(rs.getLong("change_seq"), map(rs, row)))
			.list();
	}

	record FeedEntry(long sequence, Tender tender) {
	}

	List<Version> versions(UUID id) {
		return db.sql("select version, rationale, published_at from tender_version where tender_id = ? order by version")
			.param(id)
			.query((rs, row) -> new Version(rs.getInt("version"), rs.getString("rationale"),
					rs.getTimestamp("published_at").toInstant()))
			.list();
	}

	Optional<String> snapshot(UUID id, int version) {
		return db.sql("select snapshot::text from tender_version where tender_id = ? and version = ?")
			.params(id, version)
			.query(String.class)
			.optional();
	}

	/** A published version of a tender: 1 as first published, then one per amendment. */
	record Version(int version, @Nullable String rationale, Instant publishedAt) {
	}

	private Tender map(ResultSet rs, int row) throws SQLException {
		UUID awardId = rs.getObject("award_id", UUID.class);
		AwardSummary award = awardId == null ? null
				: new AwardSummary(awardId, rs.getObject("award_bid_id", UUID.class),
						rs.getObject("award_supplier_id", UUID.class), rs.getString("award_supplier_name"),
						new Value(rs.getBigDecimal("award_amount"), rs.getString("award_currency")),
						new Text(rs.getString("justification_en"), rs.getString("justification_ar")),
						instant(rs, "awarded_at"), instant(rs, "standstill_ends_at"));
		UUID contractId = rs.getObject("contract_id", UUID.class);
		ContractSummary contract = contractId == null ? null
				: new ContractSummary(contractId, awardId, award.supplierId(),
						new Value(rs.getBigDecimal("contract_amount"), rs.getString("contract_currency")),
						instant(rs, "signed_at"));
		return new Tender(rs.getObject("id", UUID.class), rs.getString("ocid"), rs.getString("agency"),
				TenderStatus.valueOf(rs.getString("status")), rs.getInt("version"),
				new Text(rs.getString("title_en"), rs.getString("title_ar")),
				new Text(rs.getString("description_en"), rs.getString("description_ar")), rs.getString("category"),
				new Value(rs.getBigDecimal("estimated_amount"), rs.getString("currency")),
				json.readValue(rs.getString("documents"), new TypeReference<List<Tender.DocumentRef>>() {
				}), json.readValue(rs.getString("criteria"), new TypeReference<List<Tender.Criterion>>() {
				}), instant(rs, "clarification_deadline"), instant(rs, "submission_deadline"),
				instant(rs, "opening_time"), instant(rs, "published_at"), instant(rs, "opened_at"),
				instant(rs, "cancelled_at"), rs.getString("cancel_reason"), instant(rs, "date_modified"), award,
				contract);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static List<Tender.DocumentRef> documents(Requests.TenderText text) {
		return text.documents() == null ? List.of()
				: text.documents().stream().map(d -> new Tender.DocumentRef(d.title(), d.url(), d.format())).toList();
	}

	private static List<Tender.Criterion> criteria(Requests.TenderText text) {
		return text.criteria() == null ? List.of()
				: text.criteria().stream().map(c -> new Tender.Criterion(c.name(), c.weight())).toList();
	}

}
