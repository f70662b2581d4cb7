package org.bawaba.opendata.ckan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bawaba.opendata.catalogue.Bilingual;
import org.bawaba.opendata.catalogue.Dataset;
import org.bawaba.opendata.catalogue.Licences;
import org.bawaba.opendata.catalogue.Organization;
import org.bawaba.opendata.catalogue.Resource;
import org.bawaba.opendata.catalogue.Theme;

/**
 * The catalogue as CKAN's dictionaries. {@code title}, {@code notes}, {@code display_name} are in the caller's
 * language ({@code Accept-Language: ar} for Arabic, else English); both languages are always in
 * {@code *_translated} (ckanext-fluent's convention).
 */
final class CkanDicts {

	private final String baseUrl;

	private final String language;

	CkanDicts(String baseUrl, String language) {
		this.baseUrl = baseUrl;
		this.language = language;
	}

	Map<String, Object> dataset(Dataset dataset) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("id", dataset.id().toString());
		d.put("name", dataset.name());
		d.put("title", dataset.title().in(language));
		d.put("title_translated", translated(dataset.title()));
		d.put("notes", dataset.notes() == null ? null : dataset.notes().in(language));
		d.put("notes_translated", translated(dataset.notes()));
		d.put("type", "dataset");
		d.put("state", "active");
		d.put("private", dataset.isPrivate());
		d.put("owner_org", dataset.organization().id().toString());
		d.put("organization", organization(dataset.organization(), null));
		d.put("author", null);
		d.put("author_email", null);
		d.put("maintainer", dataset.maintainer());
		d.put("maintainer_email", dataset.maintainerEmail());
		d.put("license_id", dataset.licenseId());
		Licences.find(dataset.licenseId()).ifPresent(licence -> {
			d.put("license_title", licence.title());
			d.put("license_url", licence.url());
		});
		d.put("isopen", true);
		d.put("version", dataset.version());
		d.put("url", baseUrl + "/datasets/" + dataset.name());
		d.put("metadata_created", timestamp(dataset.created()));
		d.put("metadata_modified", timestamp(dataset.modified()));
		d.put("frequency", dataset.frequency());
		d.put("temporal_start", dataset.temporalStart() == null ? null : dataset.temporalStart().toString());
		d.put("temporal_end", dataset.temporalEnd() == null ? null : dataset.temporalEnd().toString());
		d.put("spatial_text", dataset.spatial());
		d.put("live", dataset.live());
		List<Map<String, Object>> tags = new ArrayList<>();
		for (String tag : dataset.tags()) {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("name", tag);
			t.put("display_name", tag);
			t.put("state", "active");
			t.put("vocabulary_id", null);
			tags.add(t);
		}
		d.put("tags", tags);
		d.put("num_tags", tags.size());
		d.put("groups", dataset.themes().stream().map(theme -> group(theme, null)).toList());
		d.put("resources", dataset.resources().stream().map(this::resource).toList());
		d.put("num_resources", dataset.resources().size());
		List<Map<String, Object>> extras = new ArrayList<>();
		extra(extras, "frequency", dataset.frequency());
		extra(extras, "temporal_start", d.get("temporal_start"));
		extra(extras, "temporal_end", d.get("temporal_end"));
		extra(extras, "spatial_text", dataset.spatial());
		d.put("extras", extras);
		return d;
	}

	Map<String, Object> resource(Resource resource) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("id", resource.id().toString());
		r.put("package_id", resource.datasetId().toString());
		r.put("name", resource.name().in(language));
		r.put("name_translated", translated(resource.name()));
		r.put("description", resource.description() == null ? "" : resource.description().in(language));
		r.put("description_translated", translated(resource.description()));
		r.put("format", resource.format());
		r.put("url", resource.url() != null ? resource.url() : baseUrl + "/datastore/dump/" + resource.id());
		r.put("url_type", resource.url() != null ? null : "upload");
		r.put("datastore_active", resource.datastoreActive());
		r.put("mimetype", mimetype(resource.format()));
		r.put("position", resource.position());
		r.put("state", "active");
		r.put("created", timestamp(resource.created()));
		r.put("last_modified", timestamp(resource.modified()));
		r.put("metadata_modified", timestamp(resource.modified()));
		r.put("download_count", resource.downloadCount());
		r.put("version", resource.currentVersion());
		r.put("live", resource.live());
		return r;
	}

	Map<String, Object> organization(Organization organization, Long packageCount) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("id", organization.id().toString());
		o.put("name", organization.name());
		o.put("title", organization.title().in(language));
		o.put("title_translated", translated(organization.title()));
		o.put("display_name", organization.title().in(language));
		o.put("description", organization.description() == null ? "" : organization.description().in(language));
		o.put("description_translated", translated(organization.description()));
		o.put("type", "organization");
		o.put("is_organization", true);
		o.put("state", "active");
		o.put("approval_status", "approved");
		o.put("image_url", "");
		o.put("created", timestamp(organization.created()));
		if (packageCount != null) {
			o.put("package_count", packageCount);
		}
		return o;
	}

	Map<String, Object> group(Theme theme, Long packageCount) {
		Map<String, Object> g = new LinkedHashMap<>();
		g.put("id", theme.id().toString());
		g.put("name", theme.name());
		g.put("title", theme.title().in(language));
		g.put("title_translated", translated(theme.title()));
		g.put("display_name", theme.title().in(language));
		g.put("description", "");
		g.put("type", "group");
		g.put("is_organization", false);
		g.put("state", "active");
		g.put("image_display_url", "");
		g.put("dcat_theme", theme.euThemeIri());
		if (packageCount != null) {
			g.put("package_count", packageCount);
		}
		return g;
	}

	/** CKAN's timestamps: UTC without a zone, microseconds. */
	static String timestamp(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	private static Map<String, String> translated(Bilingual text) {
		Map<String, String> t = new LinkedHashMap<>();
		t.put("en", text == null ? "" : text.en());
		t.put("ar", text == null ? "" : text.ar());
		return t;
	}

	private static void extra(List<Map<String, Object>> extras, String key, Object value) {
		if (value != null) {
			extras.add(Map.of("key", key, "value", String.valueOf(value)));
		}
	}

	private static String mimetype(String format) {
		if (format == null) {
			return null;
		}
		return switch (format.toUpperCase()) {
			case "CSV" -> "text/csv";
			case "JSON" -> "application/json";
			case "XLSX" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			case "PDF" -> "application/pdf";
			default -> null;
		};
	}

}
