package org.bawaba.opendata.datastore;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bawaba.opendata.catalogue.CatalogueRepository;
import org.bawaba.opendata.catalogue.CatalogueService;
import org.bawaba.opendata.catalogue.Field;
import org.bawaba.opendata.catalogue.Resource;
import org.bawaba.opendata.web.Callers;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Uploads (staff), versions, preview and downloads of datastore resources. */
@RestController
class DatastoreController {

	private final CatalogueService catalogue;

	private final CatalogueRepository repository;

	private final DatastoreLoader loader;

	private final DatastoreSearch search;

	private final DatastoreProperties properties;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	DatastoreController(CatalogueService catalogue, CatalogueRepository repository, DatastoreLoader loader,
			DatastoreSearch search, DatastoreProperties properties, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, JsonMapper json) {
		this.catalogue = catalogue;
		this.repository = repository;
		this.loader = loader;
		this.search = search;
		this.properties = properties;
		this.streaming = new JdbcTemplate(jdbc.getDataSource());
		this.streaming.setFetchSize(5000);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.json = json;
	}

	/** Loads a CSV or JSON file as the resource's new version (multipart part {@code file}). */
	@PostMapping(path = "/resources/{id}/data", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DatastoreLoader.Loaded> upload(Caller caller, @PathVariable UUID id,
			@RequestPart("file") MultipartFile file) {
		Resource resource = catalogue.editableResource(caller, id);
		if (file.isEmpty()) {
			throw new MalformedFileException(1, "empty-file");
		}
		TableFormat format = TableFormat.of(file.getOriginalFilename(), file.getContentType());
		Path temporary = null;
		try {
			Path directory = properties.uploadDirectory();
			Files.createDirectories(directory);
			temporary = Files.createTempFile(directory, "upload-", ".part");
			file.transferTo(temporary);
			DatastoreLoader.Loaded loaded = loader.load(resource, temporary, format, file.getOriginalFilename(),
					caller.subject());
			return ResponseEntity.status(HttpStatus.CREATED).body(loaded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// a leftover temporary file; the directory is only for uploads in progress
				}
			}
		}
	}

	@GetMapping("/resources/{id}/versions")
	List<Map<String, Object>> versions(@PathVariable UUID id) {
		catalogue.visibleResourceDataset(id, Callers.current());
		return search.versions(id);
	}

	/** The first rows, with the columns and their types, for a table view. */
	@GetMapping("/resources/{id}/preview")
	Map<String, Object> preview(@PathVariable UUID id, @RequestParam(defaultValue = "20") int limit) {
		catalogue.visibleResourceDataset(id, Callers.current());
		Resource resource = catalogue.resourceOrThrow(id);
		if (limit < 1 || limit > 100) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "limit");
		}
		DatastoreSearch.Page page = search.search(resource,
				new DatastoreSearch.Query(null, null, limit, 0, null, null, true, null));
		Map<String, Object> preview = new LinkedHashMap<>();
		preview.put("fields", page.fields());
		preview.put("records", page.records());
		preview.put("total", page.total());
		return preview;
	}

	/** The whole table as CSV (default) or JSON, streamed; counted as a download. */
	@GetMapping("/datastore/dump/{id}")
	ResponseEntity<StreamingResponseBody> dump(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) Integer version) {
		catalogue.visibleResourceDataset(id, Callers.current());
		Resource resource = catalogue.resourceOrThrow(id);
		if (!format.equals("csv") && !format.equals("json")) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "format");
		}
		DatastoreSearch.Table table = search.table(resource, version);
		repository.countDownload(id);
		StreamingResponseBody body = out -> readOnly.executeWithoutResult(status -> {
			try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
				if (format.equals("csv")) {
					writeCsv(table, writer);
				}
				else {
					writeJson(table, writer);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		String filename = id + (version == null ? "" : "-v" + version) + "." + format;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.contentType(format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
					: MediaType.APPLICATION_JSON)
			.body(body);
	}

	private String selectAll(DatastoreSearch.Table table) {
		StringBuilder sql = new StringBuilder("select _id");
		table.fields().forEach(field -> sql.append(", ").append(DatastoreTables.quote(field.id())));
		return sql.append(" from ").append(DatastoreTables.qualified(table.name())).append(" order by _id").toString();
	}

	private void writeCsv(DatastoreSearch.Table table, Writer writer) throws IOException {
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		printer.printRecord(table.fields().stream().map(Field::id).toList());
		Object[] row = new Object[table.fields().size()];
		streaming.query(selectAll(table), rs -> {
			for (int i = 0; i < row.length; i++) {
				row[i] = DatastoreSearch.value(rs, i + 2, table.fields().get(i).type());
			}
			try {
				printer.printRecord(row);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		printer.flush();
	}

	private void writeJson(DatastoreSearch.Table table, Writer writer) {
		try (JsonGenerator generator = json.createGenerator(writer)) {
			generator.writeStartArray();
			streaming.query(selectAll(table), rs -> {
				generator.writeStartObject();
				for (int i = 0; i < table.fields().size(); i++) {
					Field field = table.fields().get(i);
					generator.writeName(field.id());
					generator.writePOJO(DatastoreSearch.value(rs, i + 2, field.type()));
				}
				generator.writeEndObject();
			});
			generator.writeEndArray();
		}
	}

}
