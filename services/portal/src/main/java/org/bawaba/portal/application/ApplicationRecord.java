package org.bawaba.portal.application;

import java.util.Map;
import java.util.UUID;

import org.bawaba.portal.web.Backend;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything an application's page shows, for its applicant and for the agency's staff alike: the
 * application ({@code app}), its service, its history and its documents. E-services decides who may
 * see it (404 for anyone else).
 */
@Component
public class ApplicationRecord {

	private final Backend backend;

	ApplicationRecord(Backend backend) {
		this.backend = backend;
	}

	public void addTo(Model model, UUID id) {
		Map<String, Object> application = backend.eservices()
			.get()
			.uri("/applications/{id}", id)
			.retrieve()
			.body(Backend.OBJECT);
		model.addAttribute("app", application);
		model.addAttribute("service", backend.eservices()
			.get()
			.uri("/services/{code}", application.get("serviceCode"))
			.retrieve()
			.body(Backend.OBJECT));
		model.addAttribute("history",
				backend.eservices().get().uri("/applications/{id}/history", id).retrieve().body(Backend.LIST));
		model.addAttribute("documents",
				backend.eservices().get().uri("/applications/{id}/documents", id).retrieve().body(Backend.LIST));
	}

}
