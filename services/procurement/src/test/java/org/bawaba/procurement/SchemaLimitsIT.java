package org.bawaba.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's length limits come from the schema: each text of a request that is stored in a
 * {@code varchar(n)} (or {@code char(n)}) column is refused above n characters with a 400
 * {@code validation-failed} naming the field, instead of reaching the column and failing there.
 */
class SchemaLimitsIT extends ProcurementIT {

	/**
	 * Request record (under {@code org.bawaba.procurement}) and component path → {@code table.column}. A text of
	 * a request stored in a column with a length belongs here.
	 */
	private static final Map<String, String> LIMITS = table(
			"tender.Requests$TenderText#title.en", "tender.title_en",
			"tender.Requests$TenderText#title.ar", "tender.title_ar",
			"tender.Requests$TenderText#category", "tender.category",
			"tender.Requests$TenderText#estimatedValue.currency", "tender.currency",
			"supplier.Requests$Profile#registrationNumber", "supplier.registration_number",
			"supplier.Requests$Profile#name.en", "supplier.name_en",
			"supplier.Requests$Profile#name.ar", "supplier.name_ar",
			"supplier.Requests$Profile#contact.email", "supplier.contact_email",
			"supplier.Requests$Profile#contact.phone", "supplier.contact_phone",
			"supplier.Requests$Profile#contact.person", "supplier.contact_person",
			"bid.Requests$BidContent#currency", "bid.opened_currency");

	/** Columns with a length that no request fills: the service writes them (codes, states, ids, token claims). */
	private static final Set<String> FILLED_BY_THE_SERVICE = Set.of("supplier_member.subject", "tender.ocid",
			"tender.agency", "tender.status", "tender.created_by", "clarification.answered_by", "bid.status",
			"bid.content_sha256", "award.currency", "award.awarded_by", "contract.currency", "contract.signed_by",
			"ocds_release.ocid", "ocds_release.release_id", "audit_log.actor", "audit_log.action");

	@Test
	void everyLimitedTextOfARequestHasTheLengthOfItsColumn() {
		Map<String, Integer> lengths = TestDatabase.columnLengths(DATABASE);
		LIMITS.forEach((component, column) -> {
			assertThat(lengths).as("column %s has a length", column).containsKey(column);
			assertThat(maxSize(component)).as("@Size(max) of %s, stored in %s", component, column)
				.isEqualTo(lengths.get(column));
		});
	}

	@Test
	void everyColumnWithALengthIsFedByALimitedRequestTextOrByTheServiceItself() {
		Set<String> known = new HashSet<>(LIMITS.values());
		known.addAll(FILLED_BY_THE_SERVICE);
		Set<String> limited = TestDatabase.columnLengths(DATABASE).keySet();
		assertThat(known).as("columns of the table that no longer have a length").isSubsetOf(limited);
		assertThat(limited).as("columns with a length to add to LIMITS (or FILLED_BY_THE_SERVICE)")
			.isSubsetOf(known);
	}

	@Test
	void aTenderTitleOfTheColumnsLengthIsTakenOneMoreIsRefusedNamingTheFieldAndNothingIsStored() {
		Instant now = clock.instant();
		String body = tenderText(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
				now.plus(Duration.ofHours(3)));
		int max = maxSize("tender.Requests$TenderText#title.en");

		String title = "T".repeat(max);
		JsonNode draft = ok(post("/tenders", with(body, "title", "en", title), MOI_STAFF), 201);
		assertThat(draft.get("title").get("en").asString()).isEqualTo(title);
		String arabic = "ع".repeat(maxSize("tender.Requests$TenderText#title.ar"));
		assertThat(ok(post("/tenders", with(body, "title", "ar", arabic), MOI_STAFF), 201).get("title").get("ar")
			.asString()).isEqualTo(arabic);

		long tenders = TestDatabase.count(DATABASE, "select count(*) from tender");
		assertRefused(post("/tenders", with(body, "title", "en", "T".repeat(max + 1)), MOI_STAFF), "title.en");
		assertRefused(post("/tenders", with(body, "title", "en", "T".repeat(3000)), MOI_STAFF), "title.en");
		assertRefused(put("/tenders/" + draft.get("id").asString(), with(body, "title", "en", "T".repeat(max + 1)),
				MOI_STAFF), "title.en");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from tender")).isEqualTo(tenders);
		assertThat(ok(get("/tenders/" + draft.get("id").asString(), MOI_STAFF), 200).get("title").get("en").asString())
			.isEqualTo(title);
	}

	@Test
	void aSupplierNameOfTheColumnsLengthIsTakenOneMoreIsRefusedNamingTheFieldAndNothingIsStored() {
		int max = maxSize("supplier.Requests$Profile#name.en");
		String name = "N".repeat(max);
		String token = TestTokens.supplier("supplier-long-name-" + UUID.randomUUID());
		JsonNode registered = ok(post("/suppliers", with(supplierProfile("CR-88001", "Long"), "name", "en", name),
				token), 201);
		assertThat(registered.get("name").get("en").asString()).isEqualTo(name);

		long suppliers = TestDatabase.count(DATABASE, "select count(*) from supplier");
		assertRefused(post("/suppliers", with(supplierProfile("CR-88002", "Longer"), "name", "en", "N".repeat(max + 1)),
				TestTokens.supplier("supplier-longer-name-" + UUID.randomUUID())), "name.en");
		assertRefused(put("/suppliers/me", with(supplierProfile("CR-88001", "Long"), "name", "en", "N".repeat(max + 1)),
				token), "name.en");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from supplier")).isEqualTo(suppliers);
		assertThat(ok(get("/suppliers/me", token), 200).get("name").get("en").asString()).isEqualTo(name);
	}

	private static void assertRefused(HttpResponse<String> response, String field) {
		assertProblem(response, 400, "validation-failed");
		assertThat(json(response).get("errors").valueStream().map(error -> error.get("field").asString()))
			.contains(field);
	}

	/** {@code body} with {@code object.field} set to {@code value}. */
	private static String with(String body, String object, String field, String value) {
		JsonNode node = JSON.readTree(body);
		((ObjectNode) node.get(object)).put(field, value);
		return node.toString();
	}

	/**
	 * The {@code @Size(max)} of the record component at {@code path} ({@code <class>#<component>.<component>…});
	 * every record on the way is {@code @Valid}, so that the limit is checked.
	 */
	private static int maxSize(String path) {
		String[] classAndComponents = path.split("#");
		Class<?> type = load("org.bawaba.procurement." + classAndComponents[0]);
		String[] names = classAndComponents[1].split("\\.");
		RecordComponent component = null;
		for (int i = 0; i < names.length; i++) {
			String name = names[i];
			assertThat(type.isRecord()).as("%s in %s is a record", type, path).isTrue();
			component = Arrays.stream(type.getRecordComponents())
				.filter(candidate -> candidate.getName().equals(name))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no component " + name + " in " + path));
			if (i < names.length - 1) {
				assertThat(component.getAccessor().isAnnotationPresent(Valid.class)).as("%s of %s is @Valid", name, path)
					.isTrue();
				type = component.getType();
			}
		}
		Size size = component.getAccessor().getAnnotation(Size.class);
		assertThat(size).as("@Size on %s", path).isNotNull();
		return size.max();
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("no request record " + name, ex);
		}
	}

	private static Map<String, String> table(String... rows) {
		Map<String, String> table = new LinkedHashMap<>();
		for (int i = 0; i < rows.length; i += 2) {
			table.put(rows[i], rows[i + 1]);
		}
		return table;
	}

}
