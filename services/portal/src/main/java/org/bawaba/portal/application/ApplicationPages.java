package org.bawaba.portal.application;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Lang;
import org.bawaba.portal.web.Names;
import org.bawaba.portal.web.Problem;
import org.bawaba.portal.web.Viewer;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * A citizen's applications: the form of a service (from its JSON Schema), documents, the fee, the
 * status with its history and each agency's step, answers to the agency's questions, the rating.
 */
@Controller
@RequestMapping("/{lang:en|ar}")
class ApplicationPages {

	private final Backend backend;

	private final ApplicationRecord record;

	private final FormPdf pdfs;

	private final Names names;

	ApplicationPages(Backend backend, ApplicationRecord record, FormPdf pdfs, Names names) {
		this.backend = backend;
		this.record = record;
		this.pdfs = pdfs;
		this.names = names;
	}

	/** The service's form to print and fill in by hand, in the page's language (maturity level 2). */
	@GetMapping("/services/{code}/form.pdf")
	ResponseEntity<byte[]> formPdf(@PathVariable String lang, @PathVariable String code) {
		Map<String, Object> service = service(code);
		if (schema(service) == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		byte[] pdf = pdfs.render(service, Lang.valueOf(lang.toUpperCase()), names.agency(service.get("agency")));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(code + "-" + lang + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/services/{code}/apply")
	String form(@PathVariable String lang, @PathVariable String code, Model model) {
		Viewer viewer = Viewer.required();
		Map<String, Object> service = service(code);
		Map<String, String> claims = viewer.caller().nationalId() == null ? Map.of()
				: Map.of("national_id", viewer.caller().nationalId());
		return formPage(lang, service, SchemaForm.prefilled(schema(service), claims), null, model);
	}

	@PostMapping("/services/{code}/apply")
	String apply(@PathVariable String lang, @PathVariable String code, @RequestParam Map<String, String> submitted,
			Model model) {
		Viewer.required();
		Map<String, Object> service = service(code);
		Map<String, Object> formData = SchemaForm.data(schema(service), submitted);
		try {
			Map<String, Object> application = create(code, formData, true);
			return "redirect:/" + lang + "/applications/" + application.get("id") + "?done=application.submitted";
		}
		catch (HttpClientErrorException refused) {
			Problem problem = Problem.of(refused);
			if (problem.fields().isEmpty() && refused.getResponseBodyAsString().contains("documents-missing")) {
				// the form is complete; the documents are attached on the application's page, then submitted
				Map<String, Object> draft = create(code, formData, false);
				return "redirect:/" + lang + "/applications/" + draft.get("id") + "?done=application.attach.first";
			}
			model.addAttribute("problem", problem);
			return formPage(lang, service, submitted, problem, model);
		}
	}

	@GetMapping("/applications")
	String mine(Model model) {
		Viewer.required();
		model.addAttribute("applications", backend.eservices()
			.get()
			.uri("/applications?size=50")
			.retrieve()
			.body(Backend.OBJECT));
		return "application/list";
	}

	@GetMapping("/applications/{id}")
	String application(@PathVariable UUID id, Model model) {
		Viewer.required();
		record.addTo(model, id);
		return "application/detail";
	}

	/** A document of the application, for its applicant and its agency's staff (e-services decides). */
	@GetMapping("/applications/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		Viewer.required();
		ResponseEntity<byte[]> stored = backend.eservices()
			.get()
			.uri("/applications/{id}/documents/{documentId}", id, documentId)
			.retrieve()
			.toEntity(byte[].class);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(stored.getHeaders().getContentType());
		headers.set(HttpHeaders.CONTENT_DISPOSITION, stored.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
		headers.set("X-Content-Type-Options", "nosniff");
		return new ResponseEntity<>(stored.getBody(), headers, HttpStatus.OK);
	}

	@PostMapping("/applications/{id}/submit")
	String submit(@PathVariable String lang, @PathVariable UUID id, Model model, HttpServletResponse response) {
		return act(lang, id, "/applications/{id}/submit", Map.of(), "application.submitted", model, response);
	}

	@PostMapping("/applications/{id}/documents")
	String attach(@PathVariable String lang, @PathVariable UUID id, @RequestParam String type,
			@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) throws java.io.IOException {
		Viewer.required();
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("type", type);
		parts.add("file", new NamedResource(file));
		try {
			backend.eservices()
				.post()
				.uri("/applications/{id}/documents", id)
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(parts)
				.retrieve()
				.toBodilessEntity();
			return "redirect:/" + lang + "/applications/" + id + "?done=application.document.attached";
		}
		catch (HttpClientErrorException refused) {
			return refused(id, refused, model, response);
		}
	}

	@PostMapping("/applications/{id}/pay")
	String pay(@PathVariable String lang, @PathVariable UUID id, Model model, HttpServletResponse response) {
		Viewer.required();
		try {
			ResponseEntity<Map<String, Object>> checkout = backend.eservices()
				.post()
				.uri("/applications/{id}/payments", id)
				.retrieve()
				.toEntity(Backend.OBJECT);
			URI hostedPage = checkout.getHeaders().getLocation();
			return "redirect:" + (hostedPage != null ? hostedPage : checkout.getBody().get("redirectUrl"));
		}
		catch (HttpClientErrorException refused) {
			return refused(id, refused, model, response);
		}
	}

	@PostMapping("/applications/{id}/answer")
	String answer(@PathVariable String lang, @PathVariable UUID id, @RequestParam String message, Model model,
			HttpServletResponse response) {
		return act(lang, id, "/applications/{id}/answer", Map.of("message", message), "application.answered", model,
				response);
	}

	@PostMapping("/applications/{id}/rating")
	String rate(@PathVariable String lang, @PathVariable UUID id, @RequestParam String score,
			@RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response) {
		Map<String, Object> rating = new LinkedHashMap<>();
		rating.put("score", score);
		if (!comment.isBlank()) {
			rating.put("comment", comment);
		}
		return act(lang, id, "/applications/{id}/rating", rating, "application.rated", model, response);
	}

	/** Where the payment provider sends the citizen back. */
	@GetMapping("/payments/return")
	String paid(@RequestParam UUID payment, Model model) {
		model.addAttribute("payment", backend.eservices()
			.get()
			.uri("/payments/return?payment={payment}", payment)
			.retrieve()
			.body(Backend.OBJECT));
		return "application/paid";
	}

	/**
	 * Does {@code path} to the application; then its page, told what was done (in the address: the
	 * portal keeps no session for flash attributes), or at once with the service's refusal.
	 */
	private String act(String lang, UUID id, String path, Map<String, ?> body, String done, Model model,
			HttpServletResponse response) {
		Viewer.required();
		try {
			backend.eservices().post().uri(path, id).body(body).retrieve().toBodilessEntity();
			return "redirect:/" + lang + "/applications/" + id + "?done=" + done;
		}
		catch (HttpClientErrorException refused) {
			return refused(id, refused, model, response);
		}
	}

	private String refused(UUID id, HttpClientErrorException refused, Model model, HttpServletResponse response) {
		Problem problem = Problem.of(refused);
		model.addAttribute("problem", problem);
		response.setStatus(problem.status());
		return application(id, model);
	}

	private Map<String, Object> create(String code, Map<String, Object> formData, boolean submit) {
		return backend.eservices()
			.post()
			.uri("/applications")
			.body(Map.of("serviceCode", code, "formData", formData, "submit", submit))
			.retrieve()
			.body(Backend.OBJECT);
	}

	private String formPage(String lang, Map<String, Object> service, Map<String, ?> values, Problem problem,
			Model model) {
		model.addAttribute("service", service);
		model.addAttribute("fields", SchemaForm.fields(schema(service), Lang.valueOf(lang.toUpperCase()), values,
				problem == null ? Map.of() : problem.fields()));
		return "application/form";
	}

	private Map<String, Object> service(String code) {
		return backend.eservices().get().uri("/services/{code}", code).retrieve().body(Backend.OBJECT);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> schema(Map<String, Object> service) {
		return service.get("form") instanceof Map<?, ?> form ? (Map<String, Object>) form : null;
	}


	/** An uploaded file passed on with its name, without holding it in memory. */
	private static final class NamedResource extends InputStreamResource {

		private final MultipartFile file;

		NamedResource(MultipartFile file) throws java.io.IOException {
			super(file.getInputStream());
			this.file = file;
		}

		@Override
		public String getFilename() {
			return file.getOriginalFilename();
		}

		@Override
		public long contentLength() {
			return file.getSize();
		}

	}

}
