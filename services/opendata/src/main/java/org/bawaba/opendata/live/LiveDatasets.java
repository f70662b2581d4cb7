package org.bawaba.opendata.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bawaba.opendata.catalogue.CatalogueRepository;
import org.bawaba.opendata.catalogue.CatalogueService;
import org.bawaba.opendata.catalogue.Dataset;
import org.bawaba.opendata.catalogue.DatasetRequest;
import org.bawaba.opendata.catalogue.Field;
import org.bawaba.opendata.catalogue.Resource;
import org.bawaba.opendata.catalogue.ResourceRequest;
import org.bawaba.opendata.datastore.DatastoreTables;
import org.bawaba.opendata.text.TextNormalizer;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live datasets: created at start-up (owned by the platform's organisation {@code bawaba}), then changed
 * only by upserts of aggregate rows from events. Their resources are datastore tables like any other.
 */
@Service
class LiveDatasets implements InitializingBean {

	/** Add counts (number columns) to the row's ({@code increment}) or replace its values ({@code replace}). */
	enum Mode {
		INCREMENT, REPLACE
	}

	private final JdbcClient db;

	private final CatalogueService catalogue;

	private final CatalogueRepository repository;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, LiveTable> tables = new LinkedHashMap<>();

	private final Map<String, Resource> resources = new HashMap<>();

	LiveDatasets(JdbcClient db, CatalogueService catalogue, CatalogueRepository repository,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.db = db;
		this.catalogue = catalogue;
		this.repository = repository;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		LiveTableDefinitions.ALL.forEach(table -> tables.put(table.name(), table));
	}

	@Override
	public void afterPropertiesSet() {
		for (LiveTable table : tables.values()) {
			transactions.executeWithoutResult(status -> ensure(table));
		}
	}

	private void ensure(LiveTable table) {
		db.sql("select pg_advisory_xact_lock(hashtext(?))").param("opendata-live-" + table.name()).query().singleRow();
		Dataset dataset = catalogue.ensureLive(
				new DatasetRequest(table.name(), "bawaba", table.title(), table.notes(), table.tags(),
						List.of(table.theme()), "cc-by", table.frequency(), null, null, null,
						"Bawaba platform", null, null, false),
				new ResourceRequest(table.title(), table.notes(), "CSV", null));
		Resource resource = dataset.resources().get(0);
		if (!resource.datastoreActive()) {
			DatastoreTables.create(db, table.table(), table.fields(), table.key());
			db.sql("create index on " + DatastoreTables.qualified(table.table()) + " using gin (_full_text)").update();
			repository.attachTable(resource.id(), table.table(), null, table.fields(), null, "CSV", Instant.now(clock));
		}
		resources.put(table.name(), repository.resource(resource.id()).orElseThrow());
	}

	/**
	 * Inserts or updates the row of {@code dataset} identified by the key columns in {@code values}; with
	 * {@link Mode#INCREMENT} the other (counter) columns are added to the row's. Runs in the caller's
	 * transaction (the inbox's), so that the event is processed once with its effect.
	 */
	void upsert(String dataset, Mode mode, Map<String, Object> values) {
		LiveTable table = tables.get(dataset);
		Map<String, String> types = table.fields().stream().collect(Collectors.toMap(Field::id, Field::type));
		List<String> columns = new ArrayList<>(values.keySet());
		for (String column : columns) {
			if (!types.containsKey(column)) {
				throw new IllegalArgumentException("no column " + column + " in " + dataset);
			}
		}
		List<String> texts = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		StringBuilder names = new StringBuilder();
		StringBuilder placeholders = new StringBuilder();
		for (int i = 0; i < columns.size(); i++) {
			String column = columns.get(i);
			Object value = values.get(column);
			names.append(DatastoreTables.quote(column)).append(", ");
			placeholders.append(":v").append(i).append(", ");
			params.put("v" + i, value);
			if (value instanceof String text && "text".equals(types.get(column))) {
				texts.add(text);
			}
		}
		params.put("fullText", TextNormalizer.tsvector(texts));
		String qualified = DatastoreTables.qualified(table.table());
		List<String> updates = new ArrayList<>();
		for (String column : columns) {
			if (table.key().contains(column)) {
				continue;
			}
			String quoted = DatastoreTables.quote(column);
			boolean counter = "int".equals(types.get(column)) || "numeric".equals(types.get(column));
			updates.add(quoted + " = " + (mode == Mode.INCREMENT && counter
					? "coalesce(" + qualified + "." + quoted + ", 0) + excluded." + quoted : "excluded." + quoted));
		}
		updates.add("_full_text = excluded._full_text");
		String key = table.key().stream().map(DatastoreTables::quote).collect(Collectors.joining(", "));
		db.sql("insert into " + qualified + " (" + names + "_full_text) values (" + placeholders
				+ "cast(:fullText as tsvector)) on conflict (" + key + ") do update set " + String.join(", ", updates))
			.params(params)
			.update();
		if (!table.derived().isEmpty()) {
			String set = table.derived().entrySet().stream()
				.map(entry -> DatastoreTables.quote(entry.getKey()) + " = " + entry.getValue())
				.collect(Collectors.joining(", "));
			String where = table.key().stream()
				.map(column -> DatastoreTables.quote(column) + " = :v" + columns.indexOf(column))
				.collect(Collectors.joining(" and "));
			db.sql("update " + qualified + " set " + set + " where " + where).params(params).update();
		}
		Resource resource = resources.get(dataset);
		Instant now = Instant.now(clock);
		repository.touch(resource.datasetId(), now);
	}

}
