package org.bawaba.eservices.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.tika.Tika;
import org.bawaba.eservices.application.Application;
import org.bawaba.eservices.application.ApplicationService;
import org.bawaba.eservices.application.ApplicationStatus;
import org.bawaba.eservices.catalogue.RequiredDocument;
import org.bawaba.eservices.web.InvalidInputException;
import org.bawaba.eservices.web.Messages;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaching documents: the applicant only, while the application is a draft or waits for information;
 * the size is checked, the type is sniffed from the content with Apache Tika (a renamed executable is
 * not a PDF), and the bytes go to disk with their SHA-256 kept in the database.
 */
@Service
class DocumentService {

	private final DocumentRepository documents;

	private final ApplicationService applications;

	private final DocumentProperties properties;

	private final Messages messages;

	private final Tika tika = new Tika();

	DocumentService(DocumentRepository documents, ApplicationService applications, DocumentProperties properties,
			Messages messages) {
		this.documents = documents;
		this.applications = applications;
		this.properties = properties;
		this.messages = messages;
	}

	@Transactional
	Document attach(Caller caller, UUID applicationId, String type, String filename, byte[] content) {
		Application application = applications.forCitizen(caller, applicationId);
		if (application.status() != ApplicationStatus.DRAFT
				&& application.status() != ApplicationStatus.INFORMATION_REQUESTED) {
			throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", application.status(),
					"attach-document");
		}
		List<String> types = applications.service(application).requiredDocuments().stream()
			.map(RequiredDocument::code)
			.toList();
		if (!types.contains(type) && !"other".equals(type)) {
			throw new InvalidInputException(List.of(messages.field("type", "document.type.unknown", type)));
		}
		if (content.length == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "document-empty");
		}
		if (content.length > properties.maxSize().toBytes()) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", properties.maxSize().toBytes());
		}
		String detected = tika.detect(content);
		if (!properties.allowedTypes().contains(detected)) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document-rejected", detected);
		}
		Document document = new Document(UUID.randomUUID(), applicationId, type, safeName(filename), detected,
				content.length, sha256(content), Instant.now());
		Path file = store(document, content);
		try {
			documents.insert(document, caller.subject());
		}
		catch (RuntimeException ex) {
			deleteQuietly(file);
			throw ex;
		}
		return document;
	}

	List<Document> list(Caller caller, UUID applicationId) {
		return documents.of(applications.visible(caller, applicationId).id());
	}

	/** The document and its bytes, for the applicant and the agency's staff. */
	Stored read(Caller caller, UUID applicationId, UUID documentId) {
		applications.visible(caller, applicationId);
		Document document = documents.find(applicationId, documentId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "document-not-found"));
		try {
			return new Stored(document, Files.readAllBytes(path(document)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Stored(Document document, byte[] content) {
	}

	private Path store(Document document, byte[] content) {
		Path target = path(document);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), "upload-", ".part");
			Files.write(temporary, content);
			return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store document " + document.id(), ex);
		}
	}

	Path path(Document document) {
		return properties.directory().resolve(document.applicationId().toString()).resolve(document.id().toString());
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the row was not written; an orphan file is harmless
		}
	}

	private static String safeName(String filename) {
		String name = filename == null ? "document" : Path.of(filename.replace('\\', '/')).getFileName().toString();
		name = name.replaceAll("[\\p{Cntrl}\"]", "_");
		return name.isBlank() ? "document" : name.length() > 200 ? name.substring(0, 200) : name;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
