package org.bawaba.portal.application;

import java.util.Map;
import java.util.UUID;

import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Lang;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything an application's page shows, for its applicant and for the agency's staff alike: the
 * application ({@code app}), its service, the answers of its form ({@code answers}), its history and
 * its documents. E-services decides who may
 * see it (404 for anyone else).
 */
@Component
public class ApplicationRecord {

	private final Backend backend;

	ApplicationRecord(Backend backend) {
		this.backend = backend;
	}

	@SuppressWarnings("unchecked")
	public void addTo(Model model, UUID id) {
		Map<String, Object> application = backend.eservices()
			.get()
			.uri("/applications/{id}", id)
			.retrieve()
			.body(Backend.OBJECT);
		model.addAttribute("app", application);
		Map<String, Object> service = backend.eservices()
			.get()
			.uri("/services/{code}", application.get("serviceCode"))
			.retrieve()
			.body(Backend.OBJECT);
		model.addAttribute("service", service);
		// the form as it was filled in, each field by its label and each chosen value by its label
		Map<String, Object> formData = application.get("formData") instanceof Map<?, ?> data ? (Map<String, Object>) data
				: Map.of();
		Map<String, Object> schema = service.get("form") instanceof Map<?, ?> form ? (Map<String, Object>) form : null;
		java.util.Set<String> references = SchemaForm.references(schema);
		model.addAttribute("answers", SchemaForm.fields(schema, Lang.of(LocaleContextHolder.getLocale()), formData, Map.of())
			.stream()
			.filter(field -> field.value() != null && !references.contains(field.name()))
			.toList());
		model.addAttribute("history",
				backend.eservices().get().uri("/applications/{id}/history", id).retrieve().body(Backend.LIST));
		model.addAttribute("documents",
				backend.eservices().get().uri("/applications/{id}/documents", id).retrieve().body(Backend.LIST));
	}

}
