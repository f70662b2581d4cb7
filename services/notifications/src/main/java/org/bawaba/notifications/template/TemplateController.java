package org.bawaba.notifications.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.bawaba.notifications.web.InvalidInputException;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins read and edit the bilingual templates; every edit is a new version. */
@RestController
@RequestMapping("/templates")
class TemplateController {

	private final TemplateStore templates;

	private final TemplateRenderer renderer;

	TemplateController(TemplateStore templates, TemplateRenderer renderer) {
		this.templates = templates;
		this.renderer = renderer;
	}

	record TemplateRequest(@Valid @NotNull Texts en, @Valid @NotNull Texts ar) {
	}

	record PreviewRequest(JsonNode data) {
	}

	@GetMapping
	List<Template> list(Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		return templates.allCurrent();
	}

	@GetMapping("/{code}")
	Map<String, Object> get(@PathVariable String code, Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		List<Template> versions = templates.versions(code);
		if (versions.isEmpty()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "template-not-found", code);
		}
		return Map.of("current", versions.getLast(), "versions", versions.stream().map(Template::version).toList());
	}

	@GetMapping("/{code}/versions/{version}")
	Template version(@PathVariable String code, @PathVariable int version, Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		return templates.version(code, version)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "template-not-found", code + " v" + version));
	}

	/** A new version of {@code code} (or the first, for a new code). */
	@PutMapping("/{code}")
	Template put(@PathVariable String code, @Valid @RequestBody TemplateRequest request, Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		List<InvalidInputException.FieldMessage> errors = new ArrayList<>();
		if (!code.matches("[a-z][a-z0-9-]{1,63}")) {
			errors.add(InvalidInputException.field("code", "template.code-invalid"));
		}
		check(errors, "en", request.en());
		check(errors, "ar", request.ar());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return templates.save(code, request.en(), request.ar(), caller.subject());
	}

	/** The current version filled with {@code data}, in both languages. */
	@PostMapping("/{code}/preview")
	Map<String, TemplateRenderer.Rendered> preview(@PathVariable String code, @RequestBody PreviewRequest request,
			Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		Template template = templates.current(code)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "template-not-found", code));
		JsonNode data = request.data() == null ? JsonNodeFactory.instance.objectNode() : request.data();
		return Map.of("en", renderer.render(template, List.of(data), Locale.ENGLISH), "ar",
				renderer.render(template, List.of(data), Locale.forLanguageTag("ar")));
	}

	private static void check(List<InvalidInputException.FieldMessage> errors, String language, Texts texts) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("subject", texts.subject());
		fields.put("body", texts.body());
		fields.put("summarySubject", texts.summarySubject());
		fields.put("summaryBody", texts.summaryBody());
		fields.put("item", texts.item());
		fields.forEach((name, text) -> {
			List<String> bad = TemplateRenderer.malformed(text);
			if (!bad.isEmpty()) {
				errors.add(InvalidInputException.field(language + "." + name, "template.placeholder-invalid", bad.get(0)));
			}
		});
		boolean someSummary = (texts.summarySubject() != null && !texts.summarySubject().isBlank())
				|| (texts.summaryBody() != null && !texts.summaryBody().isBlank());
		if (someSummary && !texts.hasSummary()) {
			errors.add(InvalidInputException.field(language + ".summaryBody", "template.summary-incomplete"));
		}
	}

}
