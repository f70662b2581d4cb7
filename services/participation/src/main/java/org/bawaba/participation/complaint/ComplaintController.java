package org.bawaba.participation.complaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bawaba.contracts.participation.ComplaintStatus;
import org.bawaba.participation.complaint.ComplaintRequests.Assignment;
import org.bawaba.participation.complaint.ComplaintRequests.Message;
import org.bawaba.participation.complaint.ComplaintRequests.NewComplaint;
import org.bawaba.participation.complaint.ComplaintRequests.Note;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@Tag(name = "Complaints and suggestions", description = "Citizens file against an agency and follow; the agency triages, assigns, replies, resolves within its SLA")
class ComplaintController {

	private final ComplaintService service;

	private final AttachmentService attachments;

	ComplaintController(ComplaintService service, AttachmentService attachments) {
		this.service = service;
		this.attachments = attachments;
	}

	@PostMapping("/complaints")
	@Operation(summary = "File a complaint or suggestion (citizens); answers its tracking number")
	ResponseEntity<Complaint> file(@Valid @RequestBody NewComplaint request, Caller caller) {
		Complaint complaint = service.file(caller, request, "web");
		return ResponseEntity.created(URI.create("/complaints/" + complaint.id())).body(complaint);
	}

	@GetMapping("/complaints")
	@Operation(summary = "A citizen's own complaints, or the caller's agency's (staff); breached=true for those past a deadline")
	List<Complaint> list(@RequestParam(required = false) @Nullable ComplaintStatus status,
			@RequestParam(required = false) @Nullable Boolean breached,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		return service.list(caller, status, breached, page, size);
	}

	@GetMapping("/complaints/{id}")
	@Operation(summary = "One complaint with its history and attachments (its citizen and its agency's staff; 404 for anyone else)")
	Complaint get(@PathVariable UUID id, Caller caller) {
		return service.visible(caller, id);
	}

	@GetMapping("/complaints/tracking/{trackingNumber}")
	@Operation(summary = "One complaint by its tracking number")
	Complaint byTrackingNumber(@PathVariable String trackingNumber, Caller caller) {
		return service.visibleByTrackingNumber(caller, trackingNumber);
	}

	@PostMapping("/complaints/{id}/triage")
	@Operation(summary = "Triage (staff of its agency)")
	Complaint triage(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Note note, Caller caller) {
		return service.triage(caller, id, note == null ? null : note.note());
	}

	@PostMapping("/complaints/{id}/assign")
	@Operation(summary = "Assign to a colleague (staff of its agency)")
	Complaint assign(@PathVariable UUID id, @Valid @RequestBody Assignment assignment, Caller caller) {
		return service.assign(caller, id, assignment.assignee(), assignment.note());
	}

	@PostMapping("/complaints/{id}/reply")
	@Operation(summary = "Reply to the citizen (staff of its agency)")
	Complaint reply(@PathVariable UUID id, @Valid @RequestBody Message message, Caller caller) {
		return service.reply(caller, id, message.message());
	}

	@PostMapping("/complaints/{id}/resolve")
	@Operation(summary = "Resolve, saying how (staff of its agency)")
	Complaint resolve(@PathVariable UUID id, @Valid @RequestBody Message message, Caller caller) {
		return service.resolve(caller, id, message.message());
	}

	@PostMapping("/complaints/{id}/reopen")
	@Operation(summary = "Reopen a resolved complaint, once, saying why (its citizen)")
	Complaint reopen(@PathVariable UUID id, @Valid @RequestBody Message message, Caller caller) {
		return service.reopen(caller, id, message.message());
	}

	@PostMapping("/complaints/{id}/close")
	@Operation(summary = "Close a resolved complaint (its citizen or its agency's staff)")
	Complaint close(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Note note, Caller caller) {
		return service.close(caller, id, note == null ? null : note.note());
	}

	@PostMapping(path = "/complaints/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file (its citizen): PDF, PNG or JPEG by content, 5 MB at most")
	ResponseEntity<Complaint.Attachment> attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
			Caller caller) {
		try {
			Complaint.Attachment attachment = attachments.attach(caller, id, file.getOriginalFilename(),
					file.getBytes());
			return ResponseEntity.created(URI.create("/complaints/" + id + "/attachments/" + attachment.id()))
				.body(attachment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/complaints/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment (its citizen and its agency's staff)")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId, Caller caller) {
		AttachmentService.Stored stored = attachments.read(caller, id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(stored.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(stored.content());
	}

}
