package org.bawaba.opendata.ckan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.bawaba.opendata.catalogue.CatalogueRepository;
import org.bawaba.opendata.catalogue.Dataset;
import org.bawaba.opendata.catalogue.DatasetSearch;
import org.bawaba.opendata.catalogue.Organization;
import org.bawaba.opendata.catalogue.Resource;
import org.bawaba.opendata.catalogue.SearchResult;
import org.bawaba.opendata.catalogue.Theme;
import org.bawaba.opendata.datastore.DatastoreSearch;
import org.bawaba.opendata.web.Callers;
import org.bawaba.opendata.web.OpendataProperties;
import org.bawaba.platform.security.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * CKAN's Action API (read actions), so that CKAN clients and harvesters work unchanged: parameters as query
 * parameters (GET; lists and objects as JSON text) or a JSON body (POST); answers in CKAN's envelope
 * {@code {"help", "success", "result"|"error"}}.
 */
@RestController
class CkanController {

	static final String CKAN_VERSION = "2.10.5";

	private static final Pattern FIELD_QUERY = Pattern.compile("([+-]?)([a-z_]+):(\"([^\"]*)\"|(\\S+))");

	private static final int ROWS_MAX = 1000;

	private static final int QUERY_MAX = 1000;

	private final CatalogueRepository catalogue;

	private final DatastoreSearch datastore;

	private final OpendataProperties properties;

	private final JsonMapper json;

	CkanController(CatalogueRepository catalogue, DatastoreSearch datastore, OpendataProperties properties,
			JsonMapper json) {
		this.catalogue = catalogue;
		this.datastore = datastore;
		this.properties = properties;
		this.json = json;
	}

	static String help(OpendataProperties properties, String uri) {
		String action = uri.substring(uri.lastIndexOf('/') + 1);
		return properties.publicUrl() + "/api/3/action/help_show?name=" + action;
	}

	@RequestMapping(path = { "/api/3/action/{action}", "/api/action/{action}" },
			method = { RequestMethod.GET, RequestMethod.POST }, produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> action(@PathVariable String action, HttpServletRequest request) {
		Map<String, Object> params = parameters(request);
		Object result = switch (action) {
			case "package_list" -> packageList(params);
			case "package_search" -> packageSearch(params);
			case "package_show" -> packageShow(params);
			case "organization_list" -> organizationList(params);
			case "organization_show" -> organizationShow(params);
			case "group_list" -> groupList(params);
			case "group_show" -> groupShow(params);
			case "tag_list" -> catalogue.tags(string(params, "query"), viewer());
			case "resource_show" -> resourceShow(params);
			case "datastore_search" -> datastoreSearch(params);
			case "status_show" -> statusShow();
			default -> throw CkanException.badRequest("Bad request - Action name not known: " + action);
		};
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("help", help(properties, request.getRequestURI()));
		body.put("success", true);
		body.put("result", result);
		return body;
	}

	// --- actions

	private List<String> packageList(Map<String, Object> params) {
		return catalogue.publicDatasetNames(integer(params, "limit", Integer.MAX_VALUE),
				integer(params, "offset", 0));
	}

	private Map<String, Object> packageSearch(Map<String, Object> params) {
		List<DatasetSearch.Filter> filters = new ArrayList<>();
		String text = fieldQueries(searchText(params, "q"), filters);
		String rest = fieldQueries(searchText(params, "fq"), filters);
		if (rest != null && !rest.isBlank()) {
			throw CkanException.searchError("fq must be field:value pairs, not \"" + rest.strip() + "\"");
		}
		int rows = Math.min(integer(params, "rows", 10), ROWS_MAX);
		int start = integer(params, "start", 0);
		if (rows < 0) {
			throw CkanException.validation("rows", List.of("Must be a natural number"));
		}
		if (start < 0) {
			throw CkanException.validation("start", List.of("Must be a natural number"));
		}
		List<String> facetFields = stringList(params, "facet.field");
		for (String facet : facetFields) {
			if (!DatasetSearch.FILTERABLE.contains(facet) || facet.equals("name") || facet.equals("id")) {
				throw CkanException.searchError("cannot facet on \"" + facet + "\"");
			}
		}
		String sortText = string(params, "sort");
		List<DatasetSearch.Sort> sort = sort(sortText);
		boolean includePrivate = bool(params, "include_private", false);
		DatasetSearch search = new DatasetSearch(text, filters, sort, rows, start, facetFields,
				integer(params, "facet.limit", 50), integer(params, "facet.mincount", 1),
				includePrivate ? viewer() : DatasetSearch.Viewer.ANONYMOUS, language());
		SearchResult found = catalogue.search(search);
		CkanDicts dicts = dicts();
		Map<String, Object> facets = new LinkedHashMap<>();
		Map<String, Object> searchFacets = new LinkedHashMap<>();
		found.facets().forEach((field, items) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			items.forEach(item -> counts.put(item.name(), item.count()));
			facets.put(field, counts);
			searchFacets.put(field, Map.of("title", field, "items", items.stream()
				.map(item -> Map.of("name", item.name(), "display_name", item.displayName(), "count", item.count()))
				.toList()));
		});
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", found.count());
		result.put("sort", sortText == null ? (text == null ? "metadata_modified desc" : "score desc, metadata_modified desc")
				: sortText);
		result.put("facets", facets);
		result.put("search_facets", searchFacets);
		result.put("results", found.results().stream().map(dicts::dataset).toList());
		return result;
	}

	private Map<String, Object> packageShow(Map<String, Object> params) {
		return dicts().dataset(readableDataset(required(params, "id")));
	}

	private List<?> organizationList(Map<String, Object> params) {
		List<Organization> organizations = catalogue.organizations();
		if (bool(params, "all_fields", false)) {
			CkanDicts dicts = dicts();
			return organizations.stream()
				.map(o -> dicts.organization(o, catalogue.datasetCount(o.id(), DatasetSearch.Viewer.ANONYMOUS)))
				.toList();
		}
		return organizations.stream().map(Organization::name).toList();
	}

	private Map<String, Object> organizationShow(Map<String, Object> params) {
		String id = required(params, "id");
		Organization organization = catalogue.organization(id)
			.orElseThrow(() -> CkanException.notFound("Organization was not found."));
		DatasetSearch.Viewer viewer = viewer();
		Map<String, Object> dict = dicts().organization(organization, catalogue.datasetCount(organization.id(), viewer));
		if (bool(params, "include_datasets", false)) {
			CkanDicts dicts = dicts();
			dict.put("packages", catalogue.datasetNames(organization, viewer)
				.stream()
				.limit(1000)
				.map(name -> dicts.dataset(catalogue.dataset(name).orElseThrow()))
				.toList());
		}
		return dict;
	}

	private List<?> groupList(Map<String, Object> params) {
		List<Theme> themes = catalogue.themes();
		if (bool(params, "all_fields", false)) {
			CkanDicts dicts = dicts();
			return themes.stream().map(theme -> dicts.group(theme, catalogue.themeDatasetCount(theme.id()))).toList();
		}
		return themes.stream().map(Theme::name).toList();
	}

	private Map<String, Object> groupShow(Map<String, Object> params) {
		Theme theme = catalogue.theme(required(params, "id"))
			.orElseThrow(() -> CkanException.notFound("Group was not found."));
		return dicts().group(theme, catalogue.themeDatasetCount(theme.id()));
	}

	private Map<String, Object> resourceShow(Map<String, Object> params) {
		Resource resource = readableResource(required(params, "id"));
		return dicts().resource(resource);
	}

	private Map<String, Object> datastoreSearch(Map<String, Object> params) {
		String id = string(params, "resource_id") != null ? string(params, "resource_id") : string(params, "id");
		if (id == null) {
			throw CkanException.validation("resource_id", List.of("Missing value"));
		}
		Resource resource = readableResource(id);
		if (!resource.datastoreActive()) {
			throw CkanException.notFound("Resource \"" + id + "\" was not found.");
		}
		String format = string(params, "records_format");
		if (format != null && !format.equals("objects")) {
			throw CkanException.validation("records_format", List.of("Only \"objects\" is supported"));
		}
		Object filters = params.get("filters");
		if (filters != null && !(filters instanceof Map<?, ?>)) {
			throw CkanException.validation("filters", List.of("Must be a JSON object"));
		}
		if (params.get("q") instanceof String) {
			searchText(params, "q");
		}
		@SuppressWarnings("unchecked")
		DatastoreSearch.Query query = new DatastoreSearch.Query((Map<String, Object>) filters, params.get("q"),
				params.containsKey("limit") ? integer(params, "limit", 100) : null,
				params.containsKey("offset") ? integer(params, "offset", 0) : null, sortText(params.get("sort")),
				params.containsKey("fields") ? stringList(params, "fields") : null,
				bool(params, "include_total", true), null);
		DatastoreSearch.Page page = datastore.search(resource, query);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("include_total", query.includeTotal());
		result.put("resource_id", resource.id().toString());
		result.put("fields", page.fields());
		result.put("records_format", "objects");
		result.put("records", page.records());
		result.put("limit", page.limit());
		if (page.offset() > 0) {
			result.put("offset", page.offset());
		}
		String start = "/api/3/action/datastore_search?resource_id=" + resource.id();
		result.put("_links", Map.of("start", start, "next", start + "&offset=" + (page.offset() + page.limit())));
		if (page.total() != null) {
			result.put("total", page.total());
			result.put("total_was_estimated", page.totalWasEstimated());
		}
		return result;
	}

	private Map<String, Object> statusShow() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("site_title", "ar".equals(language()) ? "بوابة البيانات المفتوحة" : "Bawaba open data");
		status.put("site_description", "ar".equals(language())
				? "البيانات المفتوحة للجهات الحكومية، وإحصاءات تنشرها المنصة تلقائياً"
				: "Open data of government agencies, and statistics the platform publishes by itself");
		status.put("site_url", properties.publicUrl());
		status.put("ckan_version", CKAN_VERSION);
		status.put("error_emails_to", null);
		status.put("locale_default", "en");
		status.put("extensions", List.of("datastore", "dcat", "fluent"));
		return status;
	}

	// --- access

	private Dataset readableDataset(String nameOrId) {
		Dataset dataset = catalogue.dataset(nameOrId).orElseThrow(() -> CkanException.notFound("Not found"));
		if (dataset.isPrivate() && !Callers.mayEdit(Callers.current(), dataset.organization().name())) {
			throw CkanException.notAuthorized("Access denied: User " + Callers.current().map(Caller::subject).orElse("")
					+ " not authorized to read package " + dataset.id());
		}
		return dataset;
	}

	private Resource readableResource(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw CkanException.notFound("Resource \"" + id + "\" was not found.");
		}
		Resource resource = catalogue.resource(uuid)
			.orElseThrow(() -> CkanException.notFound("Resource \"" + id + "\" was not found."));
		Dataset dataset = catalogue.dataset(resource.datasetId().toString()).orElseThrow();
		if (dataset.isPrivate() && !Callers.mayEdit(Callers.current(), dataset.organization().name())) {
			throw CkanException.notAuthorized("Access denied: User " + Callers.current().map(Caller::subject).orElse("")
					+ " not authorized to read resource " + id);
		}
		return resource;
	}

	private static DatasetSearch.Viewer viewer() {
		Optional<Caller> caller = Callers.current();
		return caller.map(c -> new DatasetSearch.Viewer(c.isAgencyStaff() ? c.agency() : null, c.isPlatformAdmin()))
			.orElse(DatasetSearch.Viewer.ANONYMOUS);
	}

	private static String language() {
		return "ar".equals(LocaleContextHolder.getLocale().getLanguage()) ? "ar" : "en";
	}

	private CkanDicts dicts() {
		return new CkanDicts(properties.publicUrl(), language());
	}

	// --- parameters

	private Map<String, Object> parameters(HttpServletRequest request) {
		Map<String, Object> params = new LinkedHashMap<>();
		String contentType = request.getContentType();
		if ("POST".equals(request.getMethod()) && contentType != null && contentType.contains("json")) {
			try {
				byte[] body = request.getInputStream().readAllBytes();
				if (body.length > 0) {
					Object parsed = json.readValue(body, Object.class);
					if (!(parsed instanceof Map<?, ?> map)) {
						throw CkanException.badRequest("Bad request - JSON Error: Request data JSON decoded to "
								+ (parsed == null ? "null" : parsed.getClass().getSimpleName())
								+ " but it needs to be a dictionary.");
					}
					map.forEach((key, value) -> params.put(String.valueOf(key), value));
				}
			}
			catch (JacksonException ex) {
				throw CkanException.badRequest("Bad request - JSON Error: " + ex.getOriginalMessage());
			}
			catch (IOException ex) {
				throw CkanException.badRequest("Bad request - could not read the request body: " + ex.getMessage());
			}
			return params;
		}
		request.getParameterMap().forEach((key, values) -> {
			String value = values[values.length - 1];
			String stripped = value.strip();
			if ((key.equals("filters") || key.equals("q") || key.equals("fields") || key.equals("facet.field")
					|| key.equals("sort")) && (stripped.startsWith("{") || stripped.startsWith("["))) {
				try {
					params.put(key, json.readValue(stripped, new TypeReference<Object>() {
					}));
				}
				catch (JacksonException ex) {
					throw CkanException.validation(key, List.of("Invalid JSON"));
				}
			}
			else {
				params.put(key, value);
			}
		});
		return params;
	}

	private static String string(Map<String, Object> params, String name) {
		Object value = params.get(name);
		return value == null ? null : String.valueOf(value);
	}

	/**
	 * A search text, refused past {@value #QUERY_MAX} characters: nobody types more, and matching a text of
	 * 100,000 characters kept the database busy past the gateway's timeout.
	 */
	private static String searchText(Map<String, Object> params, String name) {
		String value = string(params, name);
		if (value != null && value.length() > QUERY_MAX) {
			throw CkanException.validation(name, List.of("Must be at most " + QUERY_MAX + " characters"));
		}
		return value;
	}

	private static String required(Map<String, Object> params, String name) {
		String value = string(params, name);
		if (value == null || value.isBlank()) {
			throw CkanException.validation(name, "Missing value");
		}
		return value;
	}

	private static int integer(Map<String, Object> params, String name, int fallback) {
		Object value = params.get(name);
		if (value == null || (value instanceof String s && s.isBlank())) {
			return fallback;
		}
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return number.intValue();
		}
		try {
			return Integer.parseInt(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			throw CkanException.validation(name, List.of("Invalid integer"));
		}
	}

	private static boolean bool(Map<String, Object> params, String name, boolean fallback) {
		Object value = params.get(name);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "true", "1", "yes", "on" -> true;
			case "false", "0", "no", "off", "" -> false;
			default -> throw CkanException.validation(name, List.of("Value must be one of: true, false"));
		};
	}

	private static List<String> stringList(Map<String, Object> params, String name) {
		Object value = params.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return Arrays.stream(String.valueOf(value).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String sortText(Object sort) {
		if (sort instanceof Collection<?> keys) {
			return String.join(", ", keys.stream().map(String::valueOf).toList());
		}
		return sort == null ? null : String.valueOf(sort);
	}

	/** Takes {@code field:value} terms out of a Solr-style query; returns the rest (free text), null when none. */
	private static String fieldQueries(String query, List<DatasetSearch.Filter> filters) {
		if (query == null || query.isBlank() || query.strip().equals("*:*")) {
			return null;
		}
		Matcher matcher = FIELD_QUERY.matcher(query);
		StringBuilder rest = new StringBuilder();
		while (matcher.find()) {
			String field = matcher.group(2);
			if (!DatasetSearch.FILTERABLE.contains(field)) {
				throw CkanException.searchError("unknown field \"" + field + "\"");
			}
			if (matcher.group(1).equals("-")) {
				throw CkanException.searchError("negated terms are not supported");
			}
			filters.add(new DatasetSearch.Filter(field,
					matcher.group(4) != null ? matcher.group(4) : matcher.group(5)));
			matcher.appendReplacement(rest, " ");
		}
		matcher.appendTail(rest);
		String text = rest.toString().replaceAll("\\b(AND|OR)\\b", " ").strip();
		return text.isEmpty() ? null : text;
	}

	private static List<DatasetSearch.Sort> sort(String sort) {
		List<DatasetSearch.Sort> keys = new ArrayList<>();
		if (sort == null || sort.isBlank()) {
			return keys;
		}
		for (String part : sort.split(",")) {
			String[] words = part.strip().split("\\s+");
			if (words.length == 0 || words[0].isEmpty()) {
				continue;
			}
			String field = words[0];
			String direction = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "asc";
			if (!DatasetSearch.SORTABLE.contains(field) || words.length > 2
					|| !(direction.equals("asc") || direction.equals("desc"))) {
				throw CkanException.searchError("cannot sort by \"" + part.strip() + "\"");
			}
			keys.add(new DatasetSearch.Sort(field, direction.equals("desc")));
		}
		return keys;
	}

}
