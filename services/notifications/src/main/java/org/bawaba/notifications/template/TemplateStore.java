package org.bawaba.notifications.template;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Templates and their versions. The current version of each code is cached for a few seconds (events
 * arrive by the thousand); a new version is used by this instance at once, by others within the TTL.
 * Codes without any version are seeded from {@code templates.json} at start-up, before events are read;
 * a seeded version that differs from the file gets the file's texts as a new version (an administrator's
 * version is kept).
 */
@Repository
public class TemplateStore implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TemplateStore.class);

	private static final Duration TTL = Duration.ofSeconds(5);

	private static final String SEED = "seed";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Map<String, Cached> current = new ConcurrentHashMap<>();

	private record Cached(Template template, Instant loadedAt) {
	}

	TemplateStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try (InputStream in = new ClassPathResource("templates.json").getInputStream()) {
			JsonNode seed = json.readTree(in);
			int added = 0;
			for (JsonNode entry : seed) {
				String code = entry.get("code").asString();
				Texts en = json.treeToValue(entry.get("en"), Texts.class);
				Texts ar = json.treeToValue(entry.get("ar"), Texts.class);
				Optional<Template> latest = latest(code);
				// a seeded template nobody edited follows templates.json; an administrator's version is kept
				boolean seededAndChanged = latest.isPresent() && SEED.equals(latest.get().createdBy())
						&& !(latest.get().en().equals(en) && latest.get().ar().equals(ar));
				if (latest.isEmpty() || seededAndChanged) {
					save(code, en, ar, SEED);
					added++;
				}
			}
			log.info("Templates: {} seeded", added);
		}
		catch (IOException ex) {
			throw new IllegalStateException("templates.json", ex);
		}
	}

	/** The current version of {@code code}. */
	public Optional<Template> current(String code) {
		Cached cached = current.get(code);
		if (cached != null && cached.loadedAt().plus(TTL).isAfter(Instant.now())) {
			return Optional.of(cached.template());
		}
		Optional<Template> template = latest(code);
		template.ifPresent(found -> current.put(code, new Cached(found, Instant.now())));
		return template;
	}

	private Optional<Template> latest(String code) {
		return jdbc.sql("select * from template where code = ? order by version desc limit 1")
			.param(code)
			.query(TemplateStore::map)
			.optional();
	}

	public Optional<Template> version(String code, int version) {
		return jdbc.sql("select * from template where code = ? and version = ?").params(code, version)
			.query(TemplateStore::map).optional();
	}

	public List<Template> versions(String code) {
		return jdbc.sql("select * from template where code = ? order by version").param(code)
			.query(TemplateStore::map).list();
	}

	public List<Template> allCurrent() {
		return jdbc.sql("""
				select distinct on (code) * from template order by code, version desc""")
			.query(TemplateStore::map).list();
	}

	/** Stores a new version of {@code code} (1 for a new code). */
	@Transactional
	public Template save(String code, Texts en, Texts ar, String author) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('template:' || ?))").param(code).query().singleRow();
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from template where code = ?").param(code)
			.query(Integer.class).single();
		jdbc.sql("""
				insert into template (code, version, subject_en, body_en, subject_ar, body_ar, summary_subject_en,
				  summary_body_en, summary_subject_ar, summary_body_ar, item_en, item_ar, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(code, version, en.subject(), en.body(), ar.subject(), ar.body(), en.summarySubject(),
					en.summaryBody(), ar.summarySubject(), ar.summaryBody(), en.item(), ar.item(), author)
			.update();
		current.remove(code);
		return version(code, version).orElseThrow();
	}

	private static Template map(ResultSet row, int index) throws SQLException {
		return new Template(row.getString("code"), row.getInt("version"),
				new Texts(row.getString("subject_en"), row.getString("body_en"), row.getString("summary_subject_en"),
						row.getString("summary_body_en"), row.getString("item_en")),
				new Texts(row.getString("subject_ar"), row.getString("body_ar"), row.getString("summary_subject_ar"),
						row.getString("summary_body_ar"), row.getString("item_ar")),
				row.getString("created_by"), row.getTimestamp("created_at").toInstant());
	}

}
