package org.bawaba.opendata.dcat;

import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.XSD;
import org.bawaba.opendata.catalogue.Bilingual;
import org.bawaba.opendata.catalogue.CatalogueRepository;
import org.bawaba.opendata.catalogue.Dataset;
import org.bawaba.opendata.catalogue.DatasetSearch;
import org.bawaba.opendata.catalogue.Frequencies;
import org.bawaba.opendata.catalogue.Licences;
import org.bawaba.opendata.catalogue.Organization;
import org.bawaba.opendata.catalogue.SearchResult;
import org.bawaba.opendata.catalogue.Theme;
import org.bawaba.opendata.web.OpendataProperties;

import org.springframework.stereotype.Service;

/**
 * The public catalogue as DCAT-AP 3.0.1 (an Apache Jena model): the catalogue, its publishers, every public
 * dataset with its themes (EU data themes), frequency, temporal and spatial coverage, contact point and
 * distributions, and the CKAN API as a data service. Private datasets are left out.
 */
@Service
class DcatExporter {

	private static final String FOAF = "http://xmlns.com/foaf/0.1/";

	private static final String LOCN = "http://www.w3.org/ns/locn#";

	private static final String EU = "http://publications.europa.eu/resource/authority/";

	private final CatalogueRepository catalogue;

	private final OpendataProperties properties;

	DcatExporter(CatalogueRepository catalogue, OpendataProperties properties) {
		this.catalogue = catalogue;
		this.properties = properties;
	}

	Model catalogue() {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("dcat", DCAT.NS);
		model.setNsPrefix("dct", DCTerms.NS);
		model.setNsPrefix("foaf", FOAF);
		model.setNsPrefix("vcard", VCARD4.NS);
		model.setNsPrefix("skos", SKOS.uri);
		model.setNsPrefix("xsd", XSD.NS);
		model.setNsPrefix("locn", LOCN);
		String base = properties.publicUrl();

		Resource catalog = model.createResource(base + "/catalog", DCAT.Catalog);
		bilingual(catalog, DCTerms.title, new Bilingual("Bawaba open data", "بوابة البيانات المفتوحة"));
		bilingual(catalog, DCTerms.description,
				new Bilingual("Open data of government agencies, and statistics the platform publishes by itself.",
						"البيانات المفتوحة للجهات الحكومية، وإحصاءات تنشرها المنصة تلقائياً."));
		catalog.addProperty(model.createProperty(FOAF, "homepage"),
				model.createResource(base, model.createResource(FOAF + "Document")));
		catalog.addProperty(DCTerms.language, language(model, "ENG"));
		catalog.addProperty(DCTerms.language, language(model, "ARA"));
		Resource themes = model.createResource(EU + "data-theme", SKOS.ConceptScheme);
		bilingual(themes, DCTerms.title, new Bilingual("Data theme", "مواضيع البيانات"));
		catalog.addProperty(DCAT.themeTaxonomy, themes);
		catalogue.organization("bawaba").ifPresent(bawaba -> catalog.addProperty(DCTerms.publisher, agent(model, bawaba)));

		Resource api = model.createResource(base + "/api/3/action", DCAT.DataService);
		bilingual(api, DCTerms.title, new Bilingual("CKAN Action API", "واجهة CKAN البرمجية"));
		// DCAT-AP's range shapes check rdfs:Resource as a class (no RDFS inference), hence the explicit types
		api.addProperty(DCAT.endpointURL, model.createResource(base + "/api/3/action", RDFS.Resource));
		api.addProperty(DCAT.endpointDescription, model.createResource(base + "/v3/api-docs", RDFS.Resource));
		catalog.addProperty(DCAT.service, api);

		Instant latest = null;
		Set<String> agents = new HashSet<>();
		for (Dataset dataset : publicDatasets()) {
			catalog.addProperty(DCAT.dataset, dataset(model, dataset, themes, api));
			agents.add(dataset.organization().name());
			latest = latest == null || dataset.modified().isAfter(latest) ? dataset.modified() : latest;
		}
		if (latest != null) {
			catalog.addLiteral(DCTerms.modified, dateTime(model, latest));
		}
		return model;
	}

	private List<Dataset> publicDatasets() {
		int rows = 500;
		List<Dataset> all = new java.util.ArrayList<>();
		for (int start = 0;; start += rows) {
			SearchResult page = catalogue.search(new DatasetSearch(null, List.of(),
					List.of(new DatasetSearch.Sort("name", false)), rows, start, List.of(), 0, 1,
					DatasetSearch.Viewer.ANONYMOUS, "en"));
			all.addAll(page.results());
			if (page.results().size() < rows) {
				return all;
			}
		}
	}

	private Resource dataset(Model model, Dataset dataset, Resource themes, Resource api) {
		String base = properties.publicUrl();
		Resource d = model.createResource(base + "/dataset/" + dataset.name(), DCAT.Dataset);
		d.addProperty(DCTerms.identifier, dataset.id().toString());
		bilingual(d, DCTerms.title, dataset.title());
		bilingual(d, DCTerms.description, dataset.notes() != null ? dataset.notes() : dataset.title());
		d.addProperty(DCTerms.publisher, agent(model, dataset.organization()));
		d.addLiteral(DCTerms.issued, dateTime(model, dataset.created()));
		d.addLiteral(DCTerms.modified, dateTime(model, dataset.modified()));
		d.addProperty(DCAT.landingPage, model.createResource(base + "/datasets/" + dataset.name(),
				model.createResource(FOAF + "Document")));
		for (String tag : dataset.tags()) {
			d.addProperty(DCAT.keyword, model.createLiteral(tag, isArabic(tag) ? "ar" : "en"));
		}
		for (Theme theme : dataset.themes()) {
			Resource concept = model.createResource(theme.euThemeIri(), SKOS.Concept);
			bilingual(concept, SKOS.prefLabel, theme.title());
			concept.addProperty(SKOS.inScheme, themes);
			d.addProperty(DCAT.theme, concept);
		}
		if (dataset.frequency() != null) {
			d.addProperty(DCTerms.accrualPeriodicity,
					model.createResource(Frequencies.iri(dataset.frequency()), DCTerms.Frequency));
		}
		if (dataset.temporalStart() != null || dataset.temporalEnd() != null) {
			Resource period = model.createResource(DCTerms.PeriodOfTime);
			if (dataset.temporalStart() != null) {
				period.addLiteral(DCAT.startDate,
						model.createTypedLiteral(dataset.temporalStart().toString(), XSDDatatype.XSDdate));
			}
			if (dataset.temporalEnd() != null) {
				period.addLiteral(DCAT.endDate,
						model.createTypedLiteral(dataset.temporalEnd().toString(), XSDDatatype.XSDdate));
			}
			d.addProperty(DCTerms.temporal, period);
		}
		if (dataset.spatial() != null) {
			Resource location = model.createResource(DCTerms.Location);
			location.addProperty(model.createProperty(LOCN, "geographicName"), dataset.spatial());
			d.addProperty(DCTerms.spatial, location);
		}
		if (dataset.maintainer() != null || dataset.maintainerEmail() != null) {
			Resource contact = model.createResource(VCARD4.Kind);
			contact.addProperty(VCARD4.fn, dataset.maintainer() != null ? dataset.maintainer()
					: dataset.organization().title().en());
			if (dataset.maintainerEmail() != null) {
				contact.addProperty(VCARD4.hasEmail, model.createResource("mailto:" + dataset.maintainerEmail()));
			}
			d.addProperty(DCAT.contactPoint, contact);
		}
		if (dataset.version() != null) {
			d.addProperty(model.createProperty(DCAT.NS, "version"), dataset.version());
		}
		for (org.bawaba.opendata.catalogue.Resource resource : dataset.resources()) {
			d.addProperty(DCAT.distribution, distribution(model, dataset, resource, api));
		}
		return d;
	}

	private Resource distribution(Model model, Dataset dataset, org.bawaba.opendata.catalogue.Resource resource,
			Resource api) {
		String base = properties.publicUrl();
		Resource distribution = model.createResource(base + "/resource/" + resource.id(), DCAT.Distribution);
		bilingual(distribution, DCTerms.title, resource.name());
		if (resource.description() != null) {
			bilingual(distribution, DCTerms.description, resource.description());
		}
		if (resource.url() != null) {
			distribution.addProperty(DCAT.accessURL, model.createResource(resource.url()));
		}
		else {
			Resource dump = model.createResource(base + "/datastore/dump/" + resource.id());
			distribution.addProperty(DCAT.accessURL, dump);
			distribution.addProperty(DCAT.downloadURL, dump);
			distribution.addProperty(DCAT.accessService, api);
		}
		String format = resource.format() == null ? (resource.datastoreActive() ? "CSV" : null)
				: resource.format().toUpperCase(Locale.ROOT);
		if (format != null && format.matches("[A-Z0-9_]+")) {
			distribution.addProperty(DCTerms.format,
					model.createResource(EU + "file-type/" + format, DCTerms.MediaTypeOrExtent));
			String media = switch (format) {
				case "CSV" -> "text/csv";
				case "JSON" -> "application/json";
				default -> null;
			};
			if (media != null) {
				distribution.addProperty(DCAT.mediaType, model
					.createResource("https://www.iana.org/assignments/media-types/" + media, DCTerms.MediaType));
			}
		}
		Licences.find(dataset.licenseId()).ifPresent(licence -> {
			Resource document = model.createResource(licence.url(), DCTerms.LicenseDocument);
			document.addProperty(DCTerms.title, licence.title());
			distribution.addProperty(DCTerms.license, document);
		});
		distribution.addLiteral(DCTerms.modified, dateTime(model, resource.modified()));
		return distribution;
	}

	private Resource agent(Model model, Organization organization) {
		Resource agent = model.createResource(properties.publicUrl() + "/organization/" + organization.name(),
				model.createResource(FOAF + "Agent"));
		if (!agent.hasProperty(model.createProperty(FOAF, "name"))) {
			agent.addProperty(model.createProperty(FOAF, "name"), organization.title().en(), "en");
			agent.addProperty(model.createProperty(FOAF, "name"), organization.title().ar(), "ar");
		}
		return agent;
	}

	private static Resource language(Model model, String code) {
		return model.createResource(EU + "language/" + code, DCTerms.LinguisticSystem);
	}

	private static void bilingual(Resource resource, org.apache.jena.rdf.model.Property property, Bilingual text) {
		resource.addProperty(property, text.en(), "en");
		resource.addProperty(property, text.ar(), "ar");
	}

	private static Literal dateTime(Model model, Instant instant) {
		Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		calendar.setTimeInMillis(instant.toEpochMilli());
		return model.createTypedLiteral(new XSDDateTime(calendar));
	}

	private static boolean isArabic(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC);
	}

}
