package org.bawaba.opendata.dcat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The DCAT-AP export at stable addresses: {@code /catalog.ttl}, {@code /catalog.jsonld}, or {@code /catalog} by {@code Accept}. */
@RestController
class DcatController {

	static final MediaType TURTLE = new MediaType("text", "turtle", StandardCharsets.UTF_8);

	static final MediaType JSON_LD = new MediaType("application", "ld+json", StandardCharsets.UTF_8);

	private final DcatExporter exporter;

	DcatController(DcatExporter exporter) {
		this.exporter = exporter;
	}

	@GetMapping(path = { "/catalog.ttl", "/catalog" }, produces = "text/turtle")
	ResponseEntity<byte[]> turtle() {
		return ResponseEntity.ok().contentType(TURTLE).body(write(RDFFormat.TURTLE_PRETTY));
	}

	@GetMapping(path = { "/catalog.jsonld", "/catalog" }, produces = "application/ld+json")
	ResponseEntity<byte[]> jsonLd() {
		return ResponseEntity.ok().contentType(JSON_LD).body(write(RDFFormat.JSONLD11_PRETTY));
	}

	private byte[] write(RDFFormat format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, exporter.catalogue(), format);
		return out.toByteArray();
	}

}
