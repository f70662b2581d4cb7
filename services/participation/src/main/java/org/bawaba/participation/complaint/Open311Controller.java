package org.bawaba.participation.complaint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bawaba.contracts.participation.ComplaintKind;
import org.bawaba.contracts.participation.ComplaintStatus;
import org.bawaba.contracts.participation.Text;
import org.bawaba.participation.complaint.ComplaintRequests.NewComplaint;
import org.bawaba.participation.shared.ParticipationProperties;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (JSON) over the same complaints, so existing reporting apps and FixMyStreet-style
 * clients can file and follow them. A service is an agency and a kind: {@code <agency>.complaint},
 * {@code <agency>.suggestion}. {@code service_request_id} is the tracking number. Deviation: filing and
 * reading requests need a citizen's bearer token instead of an {@code api_key} (a complaint is personal),
 * and errors are problem+json like everywhere else in Bawaba.
 */
@RestController
@Validated
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Open311 GeoReport v2", description = "Complaints and suggestions for Open311 clients")
class Open311Controller {

	private final ComplaintService complaints;

	private final ParticipationProperties participation;

	private final jakarta.validation.Validator validator;

	Open311Controller(ComplaintService complaints, ParticipationProperties participation,
			jakarta.validation.Validator validator) {
		this.complaints = complaints;
		this.participation = participation;
		this.validator = validator;
	}

	@GetMapping("/services.json")
	@Operation(summary = "The service list (anyone): a complaint and a suggestion service per agency, named in the caller's language")
	List<Map<String, Object>> services() {
		List<Map<String, Object>> services = new ArrayList<>();
		participation.agencies().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(agency -> {
			for (ComplaintKind kind : ComplaintKind.values()) {
				services.add(service(agency.getKey(), agency.getValue(), kind));
			}
		});
		return services;
	}

	@GetMapping("/services/{code}.json")
	@Operation(summary = "A service definition: none of ours has attributes")
	Map<String, Object> definition(@PathVariable String code) {
		parseService(code);
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", code);
		definition.put("attributes", List.of());
		return definition;
	}

	@PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "File a request (citizen token): service_code, description, lat, long, address_string; answers its service_request_id")
	List<Map<String, Object>> file(@RequestParam("service_code") String serviceCode,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable Double lat,
			@RequestParam(name = "long", required = false) @Nullable Double lon,
			@RequestParam(name = "address_string", required = false) @Nullable String address, Caller caller) {
		String[] service = parseService(serviceCode);
		String text = description == null ? "" : description.strip();
		NewComplaint request = new NewComplaint(ComplaintKind.valueOf(service[1].toUpperCase(java.util.Locale.ROOT)),
				service[0], null, text.length() > 80 ? text.substring(0, 80) : text, text, lat, lon, address);
		Complaint complaint = complaints.file(caller, valid(request), "open311");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", complaint.trackingNumber());
		answer.put("service_notice", notice(complaint));
		answer.put("account_id", null);
		return List.of(answer);
	}

	@GetMapping("/requests.json")
	@Operation(summary = "Requests: the caller's own (citizens) or the agency's (staff); service_request_id takes a comma-separated list")
	List<Map<String, Object>> requests(@RequestParam(name = "service_request_id", required = false) @Nullable String ids,
			@RequestParam(required = false) @Nullable String status, Caller caller) {
		List<Complaint> found;
		if (ids != null && !ids.isBlank()) {
			found = Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty())
				.map(id -> complaints.visibleByTrackingNumber(caller, id))
				.toList();
		}
		else {
			found = complaints.list(caller, null, null, 0, 100);
		}
		return found.stream()
			.filter(complaint -> status == null || status.equals(openOrClosed(complaint.status())))
			.map(complaint -> request(complaints.visible(caller, complaint.id())))
			.toList();
	}

	@GetMapping("/requests/{id}.json")
	@Operation(summary = "One request by service_request_id: status, status_notes, agency_responsible (its citizen and its agency's staff)")
	List<Map<String, Object>> request(@PathVariable String id, Caller caller) {
		return List.of(request(complaints.visibleByTrackingNumber(caller, id)));
	}

	private Map<String, Object> request(Complaint complaint) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", complaint.trackingNumber());
		request.put("status", openOrClosed(complaint.status()));
		request.put("status_notes", statusNotes(complaint));
		request.put("service_name", name(complaint.agency(), complaint.kind()));
		request.put("service_code", complaint.agency() + "." + complaint.kind().name().toLowerCase(java.util.Locale.ROOT));
		request.put("description", complaint.description());
		request.put("agency_responsible", localized(participation.agencies().get(complaint.agency())));
		request.put("service_notice", notice(complaint));
		request.put("requested_datetime", complaint.filedAt().toString());
		request.put("updated_datetime", complaint.updatedAt().toString());
		request.put("expected_datetime", complaint.resolutionDueAt().toString());
		request.put("address", complaint.address());
		request.put("address_id", null);
		request.put("zipcode", null);
		request.put("lat", complaint.latitude());
		request.put("long", complaint.longitude());
		request.put("media_url", null);
		return request;
	}

	/** The latest words of the agency to the citizen, with the Bawaba status in front. */
	private static String statusNotes(Complaint complaint) {
		String note = null;
		if (complaint.history() != null) {
			for (Complaint.Step step : complaint.history()) {
				if (step.note() != null && !step.byCitizen() && !"sla-breached".equals(step.action())) {
					note = step.note();
				}
			}
		}
		return complaint.status() + (note == null ? "" : ": " + note);
	}

	private static String openOrClosed(ComplaintStatus status) {
		return status == ComplaintStatus.RESOLVED || status == ComplaintStatus.CLOSED ? "closed" : "open";
	}

	private String notice(Complaint complaint) {
		boolean arabic = "ar".equals(LocaleContextHolder.getLocale().getLanguage());
		return arabic ? "رقم المتابعة " + complaint.trackingNumber()
				: "Tracking number " + complaint.trackingNumber();
	}

	private Map<String, Object> service(String agency, Text name, ComplaintKind kind) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("service_code", agency + "." + kind.name().toLowerCase(java.util.Locale.ROOT));
		service.put("service_name", name(agency, kind));
		service.put("description", name(agency, kind));
		service.put("metadata", false);
		service.put("type", "realtime");
		service.put("keywords", kind == ComplaintKind.COMPLAINT ? "complaint,شكوى" : "suggestion,اقتراح");
		service.put("group", localized(name));
		return service;
	}

	private String name(String agency, ComplaintKind kind) {
		boolean arabic = "ar".equals(LocaleContextHolder.getLocale().getLanguage());
		Text agencyName = participation.agencies().get(agency);
		if (arabic) {
			return (kind == ComplaintKind.COMPLAINT ? "شكوى إلى " : "اقتراح إلى ") + agencyName.ar();
		}
		return (kind == ComplaintKind.COMPLAINT ? "Complaint to the " : "Suggestion to the ") + agencyName.en();
	}

	private static String localized(Text text) {
		return "ar".equals(LocaleContextHolder.getLocale().getLanguage()) ? text.ar() : text.en();
	}

	/** {agency, kind} of {@code <agency>.complaint|suggestion}; 404 problem otherwise. */
	private String[] parseService(String code) {
		String[] parts = code.split("\\.");
		if (parts.length != 2 || !participation.knows(parts[0])
				|| !(parts[1].equals("complaint") || parts[1].equals("suggestion"))) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "open311-service-unknown", code);
		}
		return parts;
	}

	/** The form fields pass the same checks as the JSON API's. */
	private NewComplaint valid(NewComplaint request) {
		var violations = validator.validate(request);
		if (!violations.isEmpty()) {
			throw new jakarta.validation.ConstraintViolationException(violations);
		}
		return request;
	}

}
