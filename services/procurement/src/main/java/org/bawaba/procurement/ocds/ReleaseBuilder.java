package org.bawaba.procurement.ocds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.procurement.ProcurementProperties;
import org.bawaba.procurement.tender.Tender;
import org.bawaba.procurement.tender.TenderRepository;
import org.bawaba.procurement.tender.TenderStatus;
import org.bawaba.procurement.web.Text;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One OCDS 1.1 release from the current state of a tender: parties (buyer, tenderers, supplier), the
 * tender with its periods, documents, amendments and tenderers, the award and the contract. Arabic texts
 * are OCDS language variants ({@code title_ar}, {@code description_ar}, {@code name_ar}).
 */
@Component
class ReleaseBuilder {

	static final String BUYER_SCHEME = "QA-GOV";

	static final String SUPPLIER_SCHEME = "QA-CR";

	private final JdbcClient db;

	private final TenderRepository tenders;

	private final ProcurementProperties properties;

	private final JsonMapper json;

	ReleaseBuilder(JdbcClient db, TenderRepository tenders, ProcurementProperties properties, JsonMapper json) {
		this.db = db;
		this.tenders = tenders;
		this.properties = properties;
		this.json = json;
	}

	ObjectNode build(UUID tenderId, String releaseId, String tag, Instant at) {
		Tender tender = tenders.find(tenderId).orElseThrow();
		ObjectNode release = json.createObjectNode();
		release.put("ocid", tender.ocid());
		release.put("id", releaseId);
		release.put("date", at.toString());
		release.putArray("tag").add(tag);
		release.put("initiationType", "tender");
		release.put("language", "en");

		Map<String, ObjectNode> parties = new LinkedHashMap<>();
		Text agencyName = properties.agencyName(tender.agency());
		ObjectNode buyer = party(parties, BUYER_SCHEME + "-" + tender.agency(), agencyName, "buyer", "procuringEntity");
		buyer.putObject("identifier").put("scheme", BUYER_SCHEME).put("id", tender.agency())
			.put("legalName", agencyName.en());
		release.set("buyer", reference(buyer));

		ObjectNode ocdsTender = release.putObject("tender");
		ocdsTender.put("id", tender.id().toString());
		text(ocdsTender, "title", tender.title());
		text(ocdsTender, "description", tender.description());
		ocdsTender.put("status", tenderStatus(tender.status()));
		ocdsTender.set("procuringEntity", reference(buyer));
		ProcurementProperties.Category category = properties.category(tender.category());
		ObjectNode item = ocdsTender.putArray("items").addObject();
		item.put("id", "1");
		item.put("description", tender.title().en());
		item.putObject("classification").put("scheme", "X-BAWABA-CATEGORY").put("id", category.code())
			.put("description", category.en());
		value(ocdsTender.putObject("value"), tender.estimatedValue().amount(), tender.estimatedValue().currency());
		ocdsTender.put("procurementMethod", "open");
		ocdsTender.put("mainProcurementCategory", category.kind());
		ocdsTender.put("awardCriteria", tender.criteria().isEmpty() ? "priceOnly" : "ratedCriteria");
		if (!tender.criteria().isEmpty()) {
			ocdsTender.put("awardCriteriaDetails", String.join("; ", tender.criteria().stream()
				.map(criterion -> criterion.name().en() + " " + criterion.weight() + "%").toList()));
		}
		ocdsTender.putArray("submissionMethod").add("electronicSubmission");
		Instant start = tender.publishedAt() != null ? tender.publishedAt() : at;
		ocdsTender.putObject("tenderPeriod").put("startDate", start.toString())
			.put("endDate", tender.submissionDeadline().toString());
		ocdsTender.putObject("enquiryPeriod").put("startDate", start.toString())
			.put("endDate", tender.clarificationDeadline().toString());
		ocdsTender.put("hasEnquiries", db.sql("select count(*) from clarification where tender_id = ? "
				+ "and answered_at is not null").param(tenderId).query(Long.class).single() > 0);
		documents(ocdsTender, tender, start);
		amendments(ocdsTender, tenderId);
		tenderers(ocdsTender, parties, tenderId, tender.openedAt() != null);

		if (tender.award() != null) {
			Tender.AwardSummary summary = tender.award();
			ObjectNode award = release.putArray("awards").addObject();
			award.put("id", summary.id().toString());
			award.put("title", "Award of " + tender.title().en());
			award.put("title_ar", "ترسية " + tender.title().ar());
			text(award, "description", summary.justification());
			award.put("status", tender.contract() == null ? "pending" : "active");
			award.put("date", summary.awardedAt().toString());
			value(award.putObject("value"), summary.value().amount(), summary.value().currency());
			ObjectNode supplier = supplierParty(parties, summary.supplierId(), "supplier");
			award.putArray("suppliers").add(reference(supplier));
		}
		if (tender.contract() != null) {
			Tender.ContractSummary summary = tender.contract();
			ObjectNode contract = release.putArray("contracts").addObject();
			contract.put("id", summary.id().toString());
			contract.put("awardID", summary.awardId().toString());
			contract.put("title", "Contract for " + tender.title().en());
			contract.put("title_ar", "عقد " + tender.title().ar());
			contract.put("status", "active");
			value(contract.putObject("value"), summary.value().amount(), summary.value().currency());
			contract.put("dateSigned", summary.signedAt().toString());
		}
		ArrayNode partyArray = release.putArray("parties");
		parties.values().forEach(partyArray::add);
		return release;
	}

	private void documents(ObjectNode ocdsTender, Tender tender, Instant published) {
		if (tender.documents().isEmpty()) {
			return;
		}
		ArrayNode documents = ocdsTender.putArray("documents");
		int number = 1;
		for (Tender.DocumentRef ref : tender.documents()) {
			ObjectNode document = documents.addObject();
			document.put("id", String.valueOf(number++));
			document.put("documentType", "biddingDocuments");
			text(document, "title", ref.title());
			document.put("url", ref.url());
			document.put("datePublished", published.toString());
			if (ref.format() != null) {
				document.put("format", ref.format());
			}
		}
	}

	private void amendments(ObjectNode ocdsTender, UUID tenderId) {
		List<Map<String, Object>> versions = db.sql("select version, rationale, published_at from tender_version "
				+ "where tender_id = ? and version > 1 order by version").param(tenderId).query().listOfRows();
		if (versions.isEmpty()) {
			return;
		}
		ArrayNode amendments = ocdsTender.putArray("amendments");
		for (Map<String, Object> version : versions) {
			ObjectNode amendment = amendments.addObject();
			amendment.put("id", String.valueOf(version.get("version")));
			amendment.put("date", ((java.sql.Timestamp) version.get("published_at")).toInstant().toString());
			amendment.put("rationale", (String) version.get("rationale"));
			amendment.put("description", "Version " + version.get("version") + " of the tender");
		}
	}

	private void tenderers(ObjectNode ocdsTender, Map<String, ObjectNode> parties, UUID tenderId, boolean opened) {
		if (!opened) {
			return;
		}
		List<UUID> bidders = db.sql("select supplier_id from bid where tender_id = ? and status = 'ACTIVE' "
				+ "and opened_amount is not null order by submitted_at").param(tenderId).query(UUID.class).list();
		ocdsTender.put("numberOfTenderers", bidders.size());
		ArrayNode tenderers = ocdsTender.putArray("tenderers");
		for (UUID bidder : bidders) {
			tenderers.add(reference(supplierParty(parties, bidder, "tenderer")));
		}
	}

	private ObjectNode supplierParty(Map<String, ObjectNode> parties, UUID supplierId, String role) {
		Map<String, Object> supplier = db.sql("select registration_number, name_en, name_ar from supplier where id = ?")
			.param(supplierId).query().singleRow();
		String number = (String) supplier.get("registration_number");
		ObjectNode party = party(parties, SUPPLIER_SCHEME + "-" + number,
				new Text((String) supplier.get("name_en"), (String) supplier.get("name_ar")), role);
		if (!party.has("identifier")) {
			party.putObject("identifier").put("scheme", SUPPLIER_SCHEME).put("id", number)
				.put("legalName", (String) supplier.get("name_en"));
		}
		return party;
	}

	private ObjectNode party(Map<String, ObjectNode> parties, String id, Text name, String... roles) {
		ObjectNode party = parties.computeIfAbsent(id, key -> {
			ObjectNode created = json.createObjectNode();
			created.put("id", key);
			text(created, "name", name);
			created.putArray("roles");
			return created;
		});
		ArrayNode existing = (ArrayNode) party.get("roles");
		for (String role : roles) {
			if (existing.valueStream().noneMatch(node -> node.asString().equals(role))) {
				existing.add(role);
			}
		}
		return party;
	}

	private ObjectNode reference(ObjectNode party) {
		ObjectNode reference = json.createObjectNode();
		reference.put("id", party.get("id").asString());
		reference.put("name", party.get("name").asString());
		return reference;
	}

	private static void text(ObjectNode node, String field, Text text) {
		node.put(field, text.en());
		node.put(field + "_ar", text.ar());
	}

	private static void value(ObjectNode node, BigDecimal amount, String currency) {
		node.put("amount", amount);
		node.put("currency", currency);
	}

	private static String tenderStatus(TenderStatus status) {
		return switch (status) {
			case DRAFT -> "planning";
			case PUBLISHED, OPENED, EVALUATED -> "active";
			case AWARDED, CONTRACTED -> "complete";
			case CANCELLED -> "cancelled";
		};
	}

}
