package org.bawaba.opendata.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.bawaba.opendata.OpendataIT;
import org.junit.jupiter.api.Test;

/**
 * The DCAT-AP export in Turtle and JSON-LD, read back with Apache Jena and validated against the DCAT-AP 3.0.1
 * SHACL shapes (and their range shapes) from SEMIC: no violation.
 */
class DcatIT extends OpendataIT {

	@Test
	void theCatalogueIsValidDcatApInTurtleAndJsonLd() {
		String name = "air-quality-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String dataset = JSON.writeValueAsString(Map.ofEntries(Map.entry("name", name), Map.entry("organization", "mme"),
				Map.entry("title", Map.of("en", "Air quality", "ar", "جودة الهواء")),
				Map.entry("notes", Map.of("en", "Hourly readings of monitoring stations.", "ar", "قراءات محطات الرصد كل ساعة.")),
				Map.entry("tags", List.of("air", "هواء")), Map.entry("groups", List.of("environment", "health")),
				Map.entry("license", "cc-by"), Map.entry("frequency", "DAILY"),
				Map.entry("temporalStart", "2023-01-01"), Map.entry("temporalEnd", "2024-12-31"),
				Map.entry("spatial", "Qatar"), Map.entry("maintainer", "Environment data team"),
				Map.entry("maintainerEmail", "data@mme.example.org"), Map.entry("version", "2.1")));
		assertThat(post("/datasets", dataset, MME_STAFF).statusCode()).isEqualTo(201);
		String resource = json(post("/datasets/" + name + "/resources",
				"{\"name\": {\"en\": \"Readings\", \"ar\": \"القراءات\"}, \"format\": \"CSV\"}", MME_STAFF)).get("id").asString();
		assertThat(upload(resource, "station,pm10\nالدوحة,41\n", "r.csv", MME_STAFF).statusCode()).isEqualTo(201);
		post("/datasets/" + name + "/resources", "{\"name\": {\"en\": \"Map\", \"ar\": \"خريطة\"}, "
				+ "\"url\": \"https://maps.example.org/air\", \"format\": \"JSON\"}", MME_STAFF);
		String secret = "secret-dcat-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		post("/datasets", datasetJson(secret, "mme", List.of(), List.of(), true), MME_STAFF);

		HttpResponse<String> turtle = get("/catalog.ttl");
		assertThat(turtle.statusCode()).isEqualTo(200);
		assertThat(turtle.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
		Model model = parse(turtle.body(), Lang.TURTLE);

		Resource d = model.getResource("http://data.test/api/opendata/dataset/" + name);
		assertThat(model.contains(d, RDF.type, DCAT.Dataset)).isTrue();
		assertThat(model.contains(d, DCTerms.title, model.createLiteral("جودة الهواء", "ar"))).isTrue();
		assertThat(model.contains(d, DCAT.theme,
				model.getResource("http://publications.europa.eu/resource/authority/data-theme/ENVI"))).isTrue();
		assertThat(model.contains(d, DCTerms.accrualPeriodicity,
				model.getResource("http://publications.europa.eu/resource/authority/frequency/DAILY"))).isTrue();
		assertThat(model.listObjectsOfProperty(d, DCAT.distribution).toList()).hasSize(2);
		assertThat(model.contains(null, DCAT.downloadURL,
				model.getResource("http://data.test/api/opendata/datastore/dump/" + resource))).isTrue();
		assertThat(model.contains(model.getResource("http://data.test/api/opendata/dataset/" + secret), RDF.type))
			.isFalse();
		// live datasets are published too
		assertThat(model.contains(model.getResource("http://data.test/api/opendata/dataset/complaints-monthly"),
				RDF.type, DCAT.Dataset)).isTrue();

		HttpResponse<String> jsonLd = get("/catalog.jsonld");
		assertThat(jsonLd.statusCode()).isEqualTo(200);
		assertThat(jsonLd.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
		Model fromJsonLd = parse(jsonLd.body(), Lang.JSONLD);
		assertThat(fromJsonLd.size()).isEqualTo(model.size());
		assertThat(fromJsonLd.isIsomorphicWith(model)).isTrue();

		ValidationReport report = validate(model.getGraph());
		List<ReportEntry> violations = report.getEntries()
			.stream()
			.filter(entry -> entry.severity() == Severity.Violation)
			.toList();
		report.getEntries().stream().filter(entry -> entry.severity() != Severity.Violation).forEach(entry ->
				System.out.println("DCAT-AP " + entry.severity() + ": " + entry.message() + " at " + entry.focusNode()));
		assertThat(violations).as(violations.toString()).isEmpty();
	}

	@Test
	void theCatalogueIsNegotiatedAtOneAddress() {
		HttpResponse<String> turtle = send(java.net.http.HttpRequest.newBuilder(uri("/catalog"))
			.header("Accept", "text/turtle")
			.build());
		assertThat(turtle.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
		HttpResponse<String> jsonLd = send(java.net.http.HttpRequest.newBuilder(uri("/catalog"))
			.header("Accept", "application/ld+json")
			.build());
		assertThat(jsonLd.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
		assertThat(parse(jsonLd.body(), Lang.JSONLD).isIsomorphicWith(parse(turtle.body(), Lang.TURTLE))).isTrue();
	}

	private static Model parse(String body, Lang lang) {
		Model model = ModelFactory.createDefaultModel();
		RDFParser.source(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).lang(lang).parse(model);
		return model;
	}

	private static ValidationReport validate(Graph data) {
		Model shapes = ModelFactory.createDefaultModel();
		RDFDataMgr.read(shapes, DcatIT.class.getResource("/dcat-ap/dcat-ap-SHACL.ttl").toString());
		RDFDataMgr.read(shapes, DcatIT.class.getResource("/dcat-ap/ranges.ttl").toString());
		// the 3.0.1 release's ranges.ttl names five property shapes (of the Relationship, Dataset and Distribution
		// shapes) it never defines; Jena's parser refuses dangling references, so they are dropped (files unchanged)
		org.apache.jena.rdf.model.Property property = shapes.createProperty("http://www.w3.org/ns/shacl#property");
		List<org.apache.jena.rdf.model.Statement> dangling = shapes.listStatements(null, property, (org.apache.jena.rdf.model.RDFNode) null)
			.filterKeep(statement -> !shapes.listStatements(statement.getObject().asResource(), null,
					(org.apache.jena.rdf.model.RDFNode) null).hasNext())
			.toList();
		assertThat(dangling).hasSizeLessThanOrEqualTo(5);
		shapes.remove(dangling);
		return ShaclValidator.get().validate(Shapes.parse(shapes.getGraph()), data);
	}

}
