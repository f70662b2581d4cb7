package org.bawaba.opendata.datastore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.bawaba.opendata.catalogue.CatalogueRepository;
import org.bawaba.opendata.catalogue.Field;
import org.bawaba.opendata.catalogue.Resource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a file into a new datastore table: a streaming pass infers the column types (and rejects a malformed
 * file before anything is touched), then, in one transaction, a new table is created, filled with
 * {@code COPY} from a second streaming pass, indexed, and made the resource's current version. A failure
 * rolls all of it back: the previous version stays current.
 */
@Service
class DatastoreLoader {

	private static final Logger log = LoggerFactory.getLogger(DatastoreLoader.class);

	private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");

	private final JdbcClient db;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final CatalogueRepository catalogue;

	private final DatastoreProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	DatastoreLoader(JdbcClient db, DataSource dataSource, PlatformTransactionManager transactionManager,
			CatalogueRepository catalogue, DatastoreProperties properties, JsonMapper json, Clock clock) {
		this.db = db;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.catalogue = catalogue;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** A version that was loaded. */
	record Loaded(UUID resourceId, int version, long rows, List<Field> fields, long bytes, String sha256,
			String format) {
	}

	Loaded load(Resource resource, Path file, TableFormat format, String filename, String loadedBy) {
		long started = System.nanoTime();
		Inspection inspection;
		try {
			inspection = Inspection.of(file, format);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Field> fields = new ArrayList<>();
		for (int i = 0; i < inspection.columns().size(); i++) {
			fields.add(new Field(inspection.columns().get(i), inspection.types().get(i).ckan()));
		}
		long inspected = System.nanoTime();
		Loaded loaded = transactions.execute(status -> {
			db.sql("select id from resource where id = ? for update").param(resource.id()).query(UUID.class).single();
			int version = db.sql("select coalesce(max(version), 0) + 1 from resource_version where resource_id = ?")
				.param(resource.id())
				.query(Integer.class)
				.single();
			String table = "r_" + resource.id().toString().replace("-", "") + "_v" + version;
			// index builds of large tables are much faster with more memory than the default 64 MB
			db.sql("select set_config('maintenance_work_mem', ?, true)").param(properties.maintenanceWorkMem())
				.query(String.class).single();
			DatastoreTables.create(db, table, fields, List.of());
			long copied = copy(table, file, format, inspection);
			if (copied != inspection.rows()) {
				throw new IllegalStateException("the file changed while loading: " + copied + " rows copied, "
						+ inspection.rows() + " inspected");
			}
			DatastoreTables.index(db, table, fields, properties.indexedColumns(), unindexable(inspection));
			Instant now = Instant.now(clock);
			db.sql("""
					insert into resource_version (resource_id, version, table_name, row_count, fields, size_bytes, sha256,
					  original_filename, format, loaded_by, loaded_at)
					values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)""")
				.params(resource.id(), version, table, inspection.rows(), json.writeValueAsString(fields),
						inspection.bytes(), inspection.sha256(), filename, format.name(), loadedBy, Timestamp.from(now))
				.update();
			catalogue.attachTable(resource.id(), table, version, fields, inspection.rows(), format.name(), now);
			catalogue.touch(resource.datasetId(), now);
			dropOldVersions(resource.id(), version);
			return new Loaded(resource.id(), version, inspection.rows(), fields, inspection.bytes(),
					inspection.sha256(), format.name());
		});
		log.info("Loaded {} rows into resource {} v{}: inspected in {} ms, copied and indexed in {} ms",
				loaded.rows(), resource.id(), loaded.version(), (inspected - started) / 1_000_000,
				(System.nanoTime() - inspected) / 1_000_000);
		return loaded;
	}

	private long copy(String table, Path file, TableFormat format, Inspection inspection) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		String columns = inspection.columns().stream().map(DatastoreTables::quote).collect(Collectors.joining(", "));
		CopyWriter writer = null;
		try (InputStream in = Files.newInputStream(file);
				TableReader reader = TableReader.open(in, format, inspection.columns())) {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + DatastoreTables.qualified(table) + " (" + columns + ", _full_text) from stdin");
			writer = new CopyWriter(copy, inspection.types());
			String[] row;
			while ((row = reader.next()) != null) {
				writer.row(row);
			}
			return writer.finish();
		}
		catch (PSQLException ex) {
			if (writer != null) {
				writer.cancel();
			}
			if (ex.getSQLState() != null && ex.getSQLState().startsWith("22")) {
				// a value PostgreSQL refuses (e.g. a NUL character): COPY counts data lines, the file has a header
				Matcher line = COPY_LINE.matcher(String.valueOf(ex.getServerErrorMessage()));
				long fileLine = line.find() ? Long.parseLong(line.group(1)) + (format == TableFormat.CSV ? 1 : 0) : 0;
				throw new MalformedFileException(fileLine, "invalid-value",
						ex.getServerErrorMessage() == null ? ex.getMessage() : ex.getServerErrorMessage().getMessage());
			}
			throw new IllegalStateException(ex);
		}
		catch (SQLException ex) {
			if (writer != null) {
				writer.cancel();
			}
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			if (writer != null) {
				writer.cancel();
			}
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			if (writer != null) {
				writer.cancel();
			}
			throw ex;
		}
	}

	/** Text columns with values too long for a b-tree entry (2704 bytes; 600 characters of up to 4 bytes). */
	private static java.util.Set<String> unindexable(Inspection inspection) {
		java.util.Set<String> columns = new java.util.HashSet<>();
		for (int i = 0; i < inspection.columns().size(); i++) {
			if (inspection.longest().get(i) > 600) {
				columns.add(inspection.columns().get(i));
			}
		}
		return columns;
	}

	private void dropOldVersions(UUID resourceId, int current) {
		List<String> old = db.sql("""
				select table_name from resource_version where resource_id = ? and available and version <= ?""")
			.params(resourceId, current - properties.versionsKept())
			.query(String.class)
			.list();
		for (String table : old) {
			DatastoreTables.drop(db, table);
		}
		db.sql("update resource_version set available = false where resource_id = ? and version <= ?")
			.params(resourceId, current - properties.versionsKept())
			.update();
	}

}
