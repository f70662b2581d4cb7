package org.bawaba.eservices.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the sample catalogue at start-up when the catalogue is empty, through the same import agencies
 * use ({@code PUT /agencies/{agency}/catalogue}).
 */
@Component
class CatalogueSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

	private final CatalogueProperties properties;

	private final CatalogueRepository services;

	private final CatalogueService catalogue;

	private final JsonMapper json;

	CatalogueSeed(CatalogueProperties properties, CatalogueRepository services, CatalogueService catalogue,
			JsonMapper json) {
		this.properties = properties;
		this.services = services;
		this.catalogue = catalogue;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!properties.seedWhenEmpty() || services.count() > 0) {
			return;
		}
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/*.json");
		Arrays.sort(files, Comparator.comparing(Resource::getFilename));
		// --- newborn ---
		// every agency first: an integrated service names steps of agencies whose files come later
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				services.saveAgency(json.readValue(in, CatalogueFile.class).agency());
			}
		}
		// --- end newborn ---
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				var result = catalogue.importFile(json.readValue(in, CatalogueFile.class));
				log.info("Imported the sample catalogue of {}: {} services", result.agency(), result.created());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(file.getFilename(), ex);
			}
		}
	}

}
