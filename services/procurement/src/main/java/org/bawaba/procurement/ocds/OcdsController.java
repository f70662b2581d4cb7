package org.bawaba.procurement.ocds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.procurement.ProcurementProperties;
import org.bawaba.procurement.web.Times;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OCDS 1.1 publication: release packages (every release, in publication order) and record packages (one
 * record per contracting process: its releases and the compiled release), both with {@code links.next} /
 * {@code links.prev} paging.
 */
@RestController
@Validated
@Tag(name = "OCDS", description = "Open Contracting Data Standard 1.1 releases and records of every published tender")
class OcdsController {

	private static final String VERSION = "1.1";

	private final JdbcClient db;

	private final JsonMapper json;

	private final ProcurementProperties properties;

	private final Clock clock;

	OcdsController(JdbcClient db, JsonMapper json, ProcurementProperties properties, Clock clock) {
		this.db = db;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/ocds/releases")
	@Operation(summary = "A release package of every release (optionally of one ocid), oldest first, paged")
	ObjectNode releases(@RequestParam(required = false) @Nullable String ocid,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
		List<String> releases = db.sql("select release::text from ocds_release where (cast(:ocid as text) is null "
				+ "or ocid = :ocid) order by seq limit :size offset :offset")
			.param("ocid", ocid)
			.param("size", size + 1)
			.param("offset", (long) page * size)
			.query(String.class)
			.list();
		String query = ocid == null ? "" : "ocid=" + ocid + "&";
		ObjectNode releasePackage = envelope("/ocds/releases?" + query + "page=" + page + "&size=" + size);
		ArrayNode array = releasePackage.putArray("releases");
		releases.stream().limit(size).map(json::readTree).forEach(array::add);
		links(releasePackage, "/ocds/releases?" + query, page, size, releases.size() > size);
		return releasePackage;
	}

	@GetMapping("/ocds/releases/{releaseId}")
	@Operation(summary = "A release package of one release")
	ObjectNode release(@PathVariable String releaseId) {
		String release = db.sql("select release::text from ocds_release where release_id = ?")
			.param(releaseId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "release-not-found", releaseId));
		ObjectNode releasePackage = envelope("/ocds/releases/" + releaseId);
		releasePackage.putArray("releases").add(json.readTree(release));
		return releasePackage;
	}

	@GetMapping("/ocds/records")
	@Operation(summary = "A record package: one record per contracting process (its releases and compiled release), paged")
	ObjectNode records(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		List<String> ocids = db.sql("select ocid from ocds_release group by ocid order by min(seq) limit ? offset ?")
			.params(size + 1, (long) page * size)
			.query(String.class)
			.list();
		ObjectNode recordPackage = envelope("/ocds/records?page=" + page + "&size=" + size);
		ArrayNode records = recordPackage.putArray("records");
		ocids.stream().limit(size).forEach(ocid -> records.add(record(ocid)));
		links(recordPackage, "/ocds/records?", page, size, ocids.size() > size);
		return recordPackage;
	}

	@GetMapping("/ocds/records/{ocid}")
	@Operation(summary = "A record package of one contracting process")
	ObjectNode recordOf(@PathVariable String ocid) {
		ObjectNode recordPackage = envelope("/ocds/records/" + ocid);
		ObjectNode record = record(ocid);
		if (record == null) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "record-not-found", ocid);
		}
		recordPackage.putArray("records").add(record);
		return recordPackage;
	}

	/**
	 * One record: every release (embedded) and the compiled release. Each release is a full snapshot of the
	 * process, so merging them (OCDS's merge routine: later values win) gives the latest one; it becomes the
	 * compiled release with the tag {@code compiled}.
	 */
	private @Nullable ObjectNode record(String ocid) {
		List<String> releases = db.sql("select release::text from ocds_release where ocid = ? order by seq")
			.param(ocid)
			.query(String.class)
			.list();
		if (releases.isEmpty()) {
			return null;
		}
		ObjectNode record = json.createObjectNode();
		record.put("ocid", ocid);
		ArrayNode array = record.putArray("releases");
		List<JsonNode> parsed = new ArrayList<>();
		releases.forEach(release -> parsed.add(json.readTree(release)));
		parsed.forEach(array::add);
		ObjectNode compiled = (ObjectNode) parsed.getLast().deepCopy();
		compiled.put("id", ocid + "-compiled");
		compiled.putArray("tag").add("compiled");
		record.set("compiledRelease", compiled);
		return record;
	}

	private ObjectNode envelope(String path) {
		ObjectNode envelope = json.createObjectNode();
		envelope.put("uri", properties.ocds().baseUrl() + path);
		envelope.put("version", VERSION);
		envelope.put("publishedDate", Times.now(clock).toString());
		envelope.putObject("publisher").put("name", properties.ocds().publisher().name())
			.put("uri", properties.ocds().publisher().uri());
		return envelope;
	}

	private void links(ObjectNode envelope, String path, int page, int size, boolean more) {
		ObjectNode links = envelope.putObject("links");
		if (more) {
			links.put("next", properties.ocds().baseUrl() + path + "page=" + (page + 1) + "&size=" + size);
		}
		if (page > 0) {
			links.put("prev", properties.ocds().baseUrl() + path + "page=" + (page - 1) + "&size=" + size);
		}
	}

}
