package org.bawaba.participation.complaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import org.apache.tika.Tika;
import org.bawaba.contracts.participation.ComplaintStatus;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a citizen attaches to their complaint (photos of the pothole, a PDF letter): size checked, type sniffed
 * from the content with Apache Tika, bytes on disk, SHA-256 in the database.
 */
@Service
class AttachmentService {

	private final ComplaintService complaints;

	private final ComplaintRepository repository;

	private final ComplaintProperties.Attachments properties;

	private final Clock clock;

	private final Tika tika = new Tika();

	AttachmentService(ComplaintService complaints, ComplaintRepository repository, ComplaintProperties properties,
			Clock clock) {
		this.complaints = complaints;
		this.repository = repository;
		this.properties = properties.attachments();
		this.clock = clock;
	}

	@Transactional
	Complaint.Attachment attach(Caller caller, UUID complaintId, String filename, byte[] content) {
		Complaint complaint = complaints.forCitizen(caller, complaintId);
		if (complaint.status() == ComplaintStatus.CLOSED) {
			throw new ProblemException(HttpStatus.CONFLICT, "complaint-transition", complaint.status(), "attach");
		}
		if (content.length == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "attachment-empty");
		}
		if (content.length > properties.maxSize().toBytes()) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large",
					properties.maxSize().toBytes());
		}
		String detected = tika.detect(content);
		if (!properties.allowedTypes().contains(detected)) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-rejected", detected);
		}
		Complaint.Attachment attachment = new Complaint.Attachment(UUID.randomUUID(), safeName(filename), detected,
				content.length, sha256(content), clock.instant().truncatedTo(ChronoUnit.MICROS));
		Path file = store(complaintId, attachment.id(), content);
		try {
			repository.insertAttachment(complaintId, attachment, caller.subject());
		}
		catch (RuntimeException ex) {
			deleteQuietly(file);
			throw ex;
		}
		return attachment;
	}

	/** The attachment and its bytes, for the citizen and the agency's staff. */
	Stored read(Caller caller, UUID complaintId, UUID attachmentId) {
		Complaint complaint = complaints.visible(caller, complaintId);
		Complaint.Attachment attachment = complaint.attachments().stream()
			.filter(candidate -> candidate.id().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "attachment-not-found"));
		try {
			return new Stored(attachment, Files.readAllBytes(path(complaintId, attachmentId)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Stored(Complaint.Attachment attachment, byte[] content) {
	}

	private Path store(UUID complaintId, UUID attachmentId, byte[] content) {
		Path target = path(complaintId, attachmentId);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), "upload-", ".part");
			Files.write(temporary, content);
			return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store attachment " + attachmentId, ex);
		}
	}

	Path path(UUID complaintId, UUID attachmentId) {
		return properties.directory().resolve(complaintId.toString()).resolve(attachmentId.toString());
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
		String name = filename == null ? "attachment" : Path.of(filename.replace('\\', '/')).getFileName().toString();
		name = name.replaceAll("[\\p{Cntrl}\"]", "_");
		return name.isBlank() ? "attachment" : name.length() > 200 ? name.substring(0, 200) : name;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
