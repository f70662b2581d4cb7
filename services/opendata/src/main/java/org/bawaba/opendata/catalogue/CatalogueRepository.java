package org.bawaba.opendata.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.opendata.text.TextNormalizer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations, themes, datasets and resources in PostgreSQL; the catalogue search. */
@Repository
public class CatalogueRepository {

	private static final String DATASET_COLUMNS = """
			d.id, d.name, d.title_en, d.title_ar, d.notes_en, d.notes_ar, d.license_id, d.frequency, d.temporal_start,
			d.temporal_end, d.spatial, d.maintainer, d.maintainer_email, d.version, d.private, d.live, d.created_at,
			d.modified_at, o.id as o_id, o.name as o_name, o.title_en as o_title_en, o.title_ar as o_title_ar,
			o.description_en as o_description_en, o.description_ar as o_description_ar, o.created_at as o_created_at""";

	private static final String RESOURCE_COLUMNS = """
			id, dataset_id, position, name_en, name_ar, description_en, description_ar, format, url, datastore_table,
			current_version, fields::text as fields, row_count, live, download_count, created_at, modified_at""";

	private final JdbcClient db;

	private final JsonMapper json;

	CatalogueRepository(JdbcClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	// --- organisations and themes

	public List<Organization> organizations() {
		return db.sql("select * from organization order by name").query(CatalogueRepository::organization).list();
	}

	/** By name or id. */
	public Optional<Organization> organization(String nameOrId) {
		return db.sql("select * from organization where name = ? or id::text = ?")
			.params(nameOrId, nameOrId)
			.query(CatalogueRepository::organization)
			.optional();
	}

	void saveOrganization(String name, Bilingual title, Bilingual description) {
		db.sql("""
				insert into organization (id, name, title_en, title_ar, description_en, description_ar)
				values (?, ?, ?, ?, ?, ?)
				on conflict (name) do update set title_en = excluded.title_en, title_ar = excluded.title_ar,
				  description_en = excluded.description_en, description_ar = excluded.description_ar""")
			.params(UUID.randomUUID(), name, title.en(), title.ar(), description == null ? null : description.en(),
					description == null ? null : description.ar())
			.update();
	}

	public List<Theme> themes() {
		return db.sql("select * from theme order by name").query(CatalogueRepository::theme).list();
	}

	/** By name or id. */
	public Optional<Theme> theme(String nameOrId) {
		return db.sql("select * from theme where name = ? or id::text = ?")
			.params(nameOrId, nameOrId)
			.query(CatalogueRepository::theme)
			.optional();
	}

	/** Tags of visible datasets, optionally those containing {@code query}. */
	public List<String> tags(String query, DatasetSearch.Viewer viewer) {
		Map<String, Object> params = new HashMap<>();
		String visible = visibility(viewer, params);
		String sql = "select distinct t.tag from dataset_tag t join dataset d on d.id = t.dataset_id "
				+ "join organization o on o.id = d.organization_id where " + visible;
		if (query != null && !query.isBlank()) {
			sql += " and lower(t.tag) like :tagQuery";
			params.put("tagQuery", "%" + query.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return db.sql(sql + " order by t.tag").params(params).query(String.class).list();
	}

	// --- datasets

	/** Names of datasets that anyone may see, in name order. */
	public List<String> publicDatasetNames(int limit, int offset) {
		return db.sql("select name from dataset where not private order by name limit ? offset ?")
			.params(limit, offset)
			.query(String.class)
			.list();
	}

	public List<String> datasetNames(Organization organization, DatasetSearch.Viewer viewer) {
		Map<String, Object> params = new HashMap<>();
		params.put("organization", organization.id());
		return db.sql("select d.name from dataset d join organization o on o.id = d.organization_id where "
				+ visibility(viewer, params) + " and d.organization_id = :organization order by d.name")
			.params(params)
			.query(String.class)
			.list();
	}

	public long datasetCount(UUID organizationId, DatasetSearch.Viewer viewer) {
		Map<String, Object> params = new HashMap<>();
		params.put("organization", organizationId);
		return db.sql("select count(*) from dataset d join organization o on o.id = d.organization_id where "
				+ visibility(viewer, params) + " and d.organization_id = :organization")
			.params(params)
			.query(Long.class)
			.single();
	}

	public long themeDatasetCount(UUID themeId) {
		return db.sql("""
				select count(*) from dataset_theme dt join dataset d on d.id = dt.dataset_id
				where dt.theme_id = ? and not d.private""").param(themeId).query(Long.class).single();
	}

	/** By name or id. */
	public Optional<Dataset> dataset(String nameOrId) {
		return db.sql("select " + DATASET_COLUMNS
				+ " from dataset d join organization o on o.id = d.organization_id where d.name = ? or d.id::text = ?")
			.params(nameOrId, nameOrId)
			.query(this::datasetWithoutDetails)
			.optional()
			.map(this::withDetails);
	}

	Optional<Dataset> dataset(UUID id) {
		return dataset(id.toString());
	}

	void insertDataset(UUID id, Organization organization, DatasetRequest request, boolean live, Instant now) {
		db.sql("""
				insert into dataset (id, name, organization_id, title_en, title_ar, notes_en, notes_ar, license_id,
				  frequency, temporal_start, temporal_end, spatial, maintainer, maintainer_email, version, private, live,
				  search_vector, created_at, modified_at)
				values (:id, :name, :organization, :titleEn, :titleAr, :notesEn, :notesAr, :license, :frequency,
				  :temporalStart, :temporalEnd, :spatial, :maintainer, :maintainerEmail, :version, :private, :live,
				  cast(:vector as tsvector), :now, :now)""")
			.params(datasetParameters(request, organization))
			.param("id", id)
			.param("organization", organization.id())
			.param("live", live)
			.param("now", Timestamp.from(now))
			.update();
		replaceTagsAndThemes(id, request);
	}

	void updateDataset(UUID id, Organization organization, DatasetRequest request, Instant now) {
		db.sql("""
				update dataset set title_en = :titleEn, title_ar = :titleAr, notes_en = :notesEn, notes_ar = :notesAr,
				  license_id = :license, frequency = :frequency, temporal_start = :temporalStart,
				  temporal_end = :temporalEnd, spatial = :spatial, maintainer = :maintainer,
				  maintainer_email = :maintainerEmail, version = :version, private = :private,
				  search_vector = cast(:vector as tsvector), modified_at = :now
				where id = :id""")
			.params(datasetParameters(request, organization))
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
		replaceTagsAndThemes(id, request);
	}

	/** Marks the dataset as changed now (new data). */
	public void touch(UUID datasetId, Instant now) {
		db.sql("update dataset set modified_at = ? where id = ?").params(Timestamp.from(now), datasetId).update();
	}

	private void replaceTagsAndThemes(UUID id, DatasetRequest request) {
		db.sql("delete from dataset_tag where dataset_id = ?").param(id).update();
		db.sql("delete from dataset_theme where dataset_id = ?").param(id).update();
		for (String tag : request.tagList()) {
			db.sql("insert into dataset_tag (dataset_id, tag) values (?, ?) on conflict do nothing")
				.params(id, tag)
				.update();
		}
		for (String theme : request.groupList()) {
			db.sql("insert into dataset_theme (dataset_id, theme_id) select ?, id from theme where name = ? "
					+ "on conflict do nothing")
				.params(id, theme)
				.update();
		}
	}

	private Map<String, Object> datasetParameters(DatasetRequest request, Organization organization) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", request.name());
		params.put("titleEn", request.title().en());
		params.put("titleAr", request.title().ar());
		params.put("notesEn", request.notes() == null ? null : request.notes().en());
		params.put("notesAr", request.notes() == null ? null : request.notes().ar());
		params.put("license", request.license());
		params.put("frequency", request.frequency());
		params.put("temporalStart", request.temporalStart());
		params.put("temporalEnd", request.temporalEnd());
		params.put("spatial", request.spatial());
		params.put("maintainer", request.maintainer());
		params.put("maintainerEmail", request.maintainerEmail());
		params.put("version", request.version());
		params.put("private", request.privateDataset());
		List<String> texts = new ArrayList<>(List.of(request.name(), request.title().en(), request.title().ar(),
				organization.name(), organization.title().en(), organization.title().ar()));
		if (request.notes() != null) {
			texts.add(request.notes().en());
			texts.add(request.notes().ar());
		}
		texts.addAll(request.tagList());
		for (String group : request.groupList()) {
			theme(group).ifPresent(theme -> {
				texts.add(theme.title().en());
				texts.add(theme.title().ar());
			});
		}
		params.put("vector", TextNormalizer.tsvector(texts));
		return params;
	}

	// --- resources

	public Optional<Resource> resource(UUID id) {
		return db.sql("select " + RESOURCE_COLUMNS + " from resource where id = ?")
			.param(id)
			.query(this::mapResource)
			.optional();
	}

	List<Resource> resources(UUID datasetId) {
		return db.sql("select " + RESOURCE_COLUMNS + " from resource where dataset_id = ? order by position")
			.param(datasetId)
			.query(this::mapResource)
			.list();
	}

	void insertResource(UUID id, UUID datasetId, ResourceRequest request, boolean live, Instant now) {
		db.sql("""
				insert into resource (id, dataset_id, position, name_en, name_ar, description_en, description_ar, format,
				  url, live, created_at, modified_at)
				values (?, ?, (select coalesce(max(position) + 1, 0) from resource where dataset_id = ?), ?, ?, ?, ?, ?,
				  ?, ?, ?, ?)""")
			.params(id, datasetId, datasetId, request.name().en(), request.name().ar(),
					request.description() == null ? null : request.description().en(),
					request.description() == null ? null : request.description().ar(), request.format(), request.url(),
					live, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Points the resource at a datastore table (a new version, or a live table). */
	public void attachTable(UUID resourceId, String table, Integer version, List<Field> fields, Long rowCount,
			String format, Instant now) {
		db.sql("""
				update resource set datastore_table = ?, current_version = ?, fields = cast(? as jsonb), row_count = ?,
				  format = coalesce(?, format), modified_at = ?
				where id = ?""")
			.params(table, version, json.writeValueAsString(fields), rowCount, format, Timestamp.from(now), resourceId)
			.update();
	}

	public void countDownload(UUID resourceId) {
		db.sql("update resource set download_count = download_count + 1 where id = ?").param(resourceId).update();
	}

	// --- search

	public SearchResult search(DatasetSearch search) {
		Map<String, Object> params = new HashMap<>();
		String where = where(search, params);
		String from = " from dataset d join organization o on o.id = d.organization_id where " + where;
		long count = db.sql("select count(*)" + from).params(params).query(Long.class).single();
		String order = order(search, params);
		List<UUID> ids = db.sql("select d.id" + from + " order by " + order + " limit :rows offset :start")
			.params(params)
			.param("rows", search.rows())
			.param("start", search.start())
			.query(UUID.class)
			.list();
		List<Dataset> results = ids.stream().map(id -> dataset(id).orElseThrow()).toList();
		Map<String, List<SearchResult.FacetItem>> facets = new LinkedHashMap<>();
		for (String field : search.facetFields()) {
			facets.put(field, facet(field, "select d.id" + from, params, search));
		}
		return new SearchResult(count, results, facets);
	}

	private List<SearchResult.FacetItem> facet(String field, String matched, Map<String, Object> params,
			DatasetSearch search) {
		boolean arabic = "ar".equals(search.language());
		String sql = switch (field) {
			case "organization" -> "select o.name, " + (arabic ? "o.title_ar" : "o.title_en")
					+ ", count(*) from dataset d join organization o on o.id = d.organization_id where d.id in ("
					+ matched + ") group by 1, 2";
			case "tags" -> "select t.tag, t.tag, count(*) from dataset_tag t where t.dataset_id in (" + matched
					+ ") group by 1, 2";
			case "groups" -> "select th.name, " + (arabic ? "th.title_ar" : "th.title_en")
					+ ", count(*) from dataset_theme dt join theme th on th.id = dt.theme_id where dt.dataset_id in ("
					+ matched + ") group by 1, 2";
			case "res_format" -> "select upper(r.format), upper(r.format), count(distinct r.dataset_id) "
					+ "from resource r where r.format is not null and r.dataset_id in (" + matched + ") group by 1, 2";
			case "license_id" -> "select d.license_id, d.license_id, count(*) from dataset d where d.id in (" + matched
					+ ") group by 1, 2";
			case "frequency" -> "select d.frequency, d.frequency, count(*) from dataset d where d.frequency is not null "
					+ "and d.id in (" + matched + ") group by 1, 2";
			default -> throw new IllegalArgumentException(field);
		};
		sql += " having count(*) >= :minCount order by 3 desc, 1";
		if (search.facetLimit() >= 0) {
			sql += " limit " + search.facetLimit();
		}
		return db.sql(sql)
			.params(params)
			.param("minCount", search.facetMinCount())
			.query((rs, n) -> new SearchResult.FacetItem(rs.getString(1),
					"license_id".equals(field)
							? Licences.find(rs.getString(2)).map(Licences.Licence::title).orElse(rs.getString(2))
							: rs.getString(2),
					rs.getLong(3)))
			.list();
	}

	private String where(DatasetSearch search, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(visibility(search.viewer(), params));
		String query = search.text() == null ? null : TextNormalizer.prefixQuery(search.text());
		if (query != null) {
			where.append(" and d.search_vector @@ to_tsquery('simple', :query)");
			params.put("query", query);
		}
		int i = 0;
		for (DatasetSearch.Filter filter : search.filters()) {
			String p = "f" + i++;
			params.put(p, filter.value());
			where.append(" and ").append(switch (filter.field()) {
				case "organization" -> "(o.name = :" + p + " or o.id::text = :" + p + ")";
				case "tags" -> "exists (select 1 from dataset_tag t where t.dataset_id = d.id and t.tag = :" + p + ")";
				case "groups" -> "exists (select 1 from dataset_theme dt join theme th on th.id = dt.theme_id "
						+ "where dt.dataset_id = d.id and th.name = :" + p + ")";
				case "res_format" -> "exists (select 1 from resource r where r.dataset_id = d.id and upper(r.format) = upper(:"
						+ p + "))";
				case "license_id" -> "d.license_id = :" + p;
				case "frequency" -> "d.frequency = :" + p;
				case "name" -> "d.name = :" + p;
				case "id" -> "d.id::text = :" + p;
				default -> throw new IllegalArgumentException(filter.field());
			});
		}
		return where.toString();
	}

	private static String order(DatasetSearch search, Map<String, Object> params) {
		List<String> keys = new ArrayList<>();
		boolean hasText = params.containsKey("query");
		for (DatasetSearch.Sort sort : search.sort()) {
			String direction = sort.descending() ? " desc" : " asc";
			switch (sort.field()) {
				case "score" -> {
					if (hasText) {
						keys.add("ts_rank(d.search_vector, to_tsquery('simple', :query))" + direction);
					}
				}
				case "metadata_modified" -> keys.add("d.modified_at" + direction);
				case "metadata_created" -> keys.add("d.created_at" + direction);
				case "name" -> keys.add("d.name" + direction);
				case "title_string" -> keys.add(("ar".equals(search.language()) ? "d.title_ar" : "d.title_en")
						+ " collate \"C\"" + direction);
				default -> throw new IllegalArgumentException(sort.field());
			}
		}
		if (keys.isEmpty()) {
			keys.add(hasText ? "ts_rank(d.search_vector, to_tsquery('simple', :query)) desc" : "d.modified_at desc");
		}
		keys.add("d.name");
		return String.join(", ", keys);
	}

	private static String visibility(DatasetSearch.Viewer viewer, Map<String, Object> params) {
		if (viewer.platformAdmin()) {
			return "true";
		}
		if (viewer.agency() != null) {
			params.put("viewerAgency", viewer.agency());
			return "(not d.private or o.name = :viewerAgency)";
		}
		return "not d.private";
	}

	// --- mapping

	private Dataset withDetails(Dataset dataset) {
		List<String> tags = db.sql("select tag from dataset_tag where dataset_id = ? order by tag")
			.param(dataset.id())
			.query(String.class)
			.list();
		List<Theme> themes = db.sql("""
				select th.* from theme th join dataset_theme dt on dt.theme_id = th.id where dt.dataset_id = ?
				order by th.name""").param(dataset.id()).query(CatalogueRepository::theme).list();
		return new Dataset(dataset.id(), dataset.name(), dataset.organization(), dataset.title(), dataset.notes(), tags,
				themes, dataset.licenseId(), dataset.frequency(), dataset.temporalStart(), dataset.temporalEnd(),
				dataset.spatial(), dataset.maintainer(), dataset.maintainerEmail(), dataset.version(),
				dataset.isPrivate(), dataset.live(), dataset.created(), dataset.modified(), resources(dataset.id()));
	}

	private Dataset datasetWithoutDetails(ResultSet rs, int n) throws SQLException {
		Organization organization = new Organization(rs.getObject("o_id", UUID.class), rs.getString("o_name"),
				new Bilingual(rs.getString("o_title_en"), rs.getString("o_title_ar")),
				Bilingual.of(rs.getString("o_description_en"), rs.getString("o_description_ar")),
				rs.getTimestamp("o_created_at").toInstant());
		return new Dataset(rs.getObject("id", UUID.class), rs.getString("name"), organization,
				new Bilingual(rs.getString("title_en"), rs.getString("title_ar")),
				Bilingual.of(rs.getString("notes_en"), rs.getString("notes_ar")), List.of(), List.of(),
				rs.getString("license_id"), rs.getString("frequency"),
				rs.getObject("temporal_start", java.time.LocalDate.class),
				rs.getObject("temporal_end", java.time.LocalDate.class), rs.getString("spatial"),
				rs.getString("maintainer"), rs.getString("maintainer_email"), rs.getString("version"),
				rs.getBoolean("private"), rs.getBoolean("live"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("modified_at").toInstant(), List.of());
	}

	private Resource mapResource(ResultSet rs, int n) throws SQLException {
		String fields = rs.getString("fields");
		Long rowCount = rs.getObject("row_count", Long.class);
		return new Resource(rs.getObject("id", UUID.class), rs.getObject("dataset_id", UUID.class), rs.getInt("position"),
				new Bilingual(rs.getString("name_en"), rs.getString("name_ar")),
				Bilingual.of(rs.getString("description_en"), rs.getString("description_ar")), rs.getString("format"),
				rs.getString("url"), rs.getString("datastore_table"), rs.getObject("current_version", Integer.class),
				fields == null ? List.of() : json.readValue(fields, new TypeReference<List<Field>>() {
				}), rowCount, rs.getBoolean("live"), rs.getLong("download_count"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("modified_at").toInstant());
	}

	private static Organization organization(ResultSet rs, int n) throws SQLException {
		return new Organization(rs.getObject("id", UUID.class), rs.getString("name"),
				new Bilingual(rs.getString("title_en"), rs.getString("title_ar")),
				Bilingual.of(rs.getString("description_en"), rs.getString("description_ar")),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Theme theme(ResultSet rs, int n) throws SQLException {
		return new Theme(rs.getObject("id", UUID.class), rs.getString("name"),
				new Bilingual(rs.getString("title_en"), rs.getString("title_ar")), rs.getString("eu_theme"));
	}

}
