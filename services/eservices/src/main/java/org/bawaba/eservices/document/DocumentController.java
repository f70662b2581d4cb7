package org.bawaba.eservices.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bawaba.platform.security.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Documents", description = "Documents attached to applications")
class DocumentController {

	private final DocumentService documents;

	DocumentController(DocumentService documents) {
		this.documents = documents;
	}

	@PostMapping(path = "/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a document (the applicant): PDF, PNG or JPEG by content, at most 5 MB")
	ResponseEntity<Document> attach(@PathVariable UUID id, @RequestParam String type,
			@RequestPart("file") MultipartFile file, Caller caller) {
		Document document;
		try {
			document = documents.attach(caller, id, type, file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.created(URI.create("/applications/" + id + "/documents/" + document.id())).body(document);
	}

	@GetMapping("/applications/{id}/documents")
	@Operation(summary = "The documents of an application")
	List<Document> list(@PathVariable UUID id, Caller caller) {
		return documents.list(caller, id);
	}

	@GetMapping("/applications/{id}/documents/{documentId}")
	@Operation(summary = "Download a document (the applicant and the agency's staff)")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId, Caller caller) {
		DocumentService.Stored stored = documents.read(caller, id, documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.document().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(stored.document().filename()).build().toString())
			.header("X-Content-SHA256", stored.document().sha256())
			.body(stored.content());
	}

}
