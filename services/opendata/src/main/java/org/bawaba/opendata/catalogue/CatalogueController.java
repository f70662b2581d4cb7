package org.bawaba.opendata.catalogue;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.bawaba.opendata.web.Callers;
import org.bawaba.platform.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agencies' staff write the catalogue here (problem+json errors); everyone reads it through the CKAN
 * Action API ({@code /api/3/action/...}) and the DCAT-AP export.
 */
@RestController
class CatalogueController {

	private final CatalogueService service;

	CatalogueController(CatalogueService service) {
		this.service = service;
	}

	@PostMapping("/datasets")
	ResponseEntity<Dataset> create(Caller caller, @Valid @RequestBody DatasetRequest request) {
		Dataset dataset = service.create(caller, request);
		return ResponseEntity.created(URI.create("/datasets/" + dataset.name())).body(dataset);
	}

	@GetMapping("/datasets/{name}")
	Dataset read(@PathVariable String name) {
		return service.visible(name, Callers.current());
	}

	@PutMapping("/datasets/{name}")
	Dataset update(Caller caller, @PathVariable String name, @Valid @RequestBody DatasetRequest request) {
		return service.update(caller, name, request);
	}

	@PostMapping("/datasets/{name}/resources")
	ResponseEntity<Resource> addResource(Caller caller, @PathVariable String name,
			@Valid @RequestBody ResourceRequest request) {
		Resource resource = service.addResource(caller, name, request);
		return ResponseEntity.created(URI.create("/resources/" + resource.id())).body(resource);
	}

	@PutMapping("/organizations/{name}")
	Organization saveOrganization(Caller caller, @PathVariable String name,
			@Valid @RequestBody OrganizationRequest request) {
		return service.saveOrganization(caller, name, request);
	}

	@GetMapping("/resources/{id}")
	Resource resource(@PathVariable UUID id) {
		service.visibleResourceDataset(id, Callers.current());
		return service.resourceOrThrow(id);
	}

}
