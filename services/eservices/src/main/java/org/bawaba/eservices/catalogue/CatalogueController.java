package org.bawaba.eservices.catalogue;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bawaba.eservices.catalogue.CatalogueService.ImportResult;
import org.bawaba.eservices.web.Callers;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Catalogue", description = "Public search of e-services; agency staff manage their own agency's services")
class CatalogueController {

	private final CatalogueRepository services;

	private final CatalogueService catalogue;

	CatalogueController(CatalogueRepository services, CatalogueService catalogue) {
		this.services = services;
		this.catalogue = catalogue;
	}

	@GetMapping("/services")
	@Operation(summary = "Search published services (no sign-in): words in English or Arabic, filters, pages, sort")
	Page<EService> search(@Valid @ParameterObject @ModelAttribute SearchCriteria criteria) {
		List<String> words = criteria.q() == null ? List.of() : TextNormalizer.words(criteria.q());
		return services.search(criteria, words);
	}

	@GetMapping("/services/{code}")
	@Operation(summary = "One service: published ones for everyone, drafts and retired ones for its agency's staff")
	EService get(@PathVariable String code) {
		EService service = services.findByCode(code)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "service-not-found", code));
		boolean ownStaff = Callers.current()
			.filter(caller -> caller.isPlatformAdmin()
					|| caller.isAgencyStaff() && service.agency().equals(caller.agency()))
			.isPresent();
		if (service.status() != ServiceStatus.PUBLISHED && !ownStaff) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "service-not-found", code);
		}
		return service;
	}

	@PostMapping("/services")
	@Operation(summary = "Create a service for the caller's agency (agency staff); it starts as a draft")
	ResponseEntity<EService> create(@Valid @RequestBody ServiceDefinition definition, Caller caller) {
		EService created = catalogue.create(caller, definition);
		return ResponseEntity.created(URI.create("/services/" + created.code())).body(created);
	}

	@PutMapping("/services/{code}")
	@Operation(summary = "Edit a service of the caller's agency")
	EService update(@PathVariable String code, @Valid @RequestBody ServiceDefinition definition, Caller caller) {
		return catalogue.update(caller, code, definition);
	}

	@PostMapping("/services/{code}/publish")
	@Operation(summary = "Publish a service of the caller's agency")
	EService publish(@PathVariable String code, Caller caller) {
		return catalogue.setStatus(caller, code, ServiceStatus.PUBLISHED);
	}

	@PostMapping("/services/{code}/retire")
	@Operation(summary = "Retire a service of the caller's agency: no longer listed, no new applications")
	EService retire(@PathVariable String code, Caller caller) {
		return catalogue.setStatus(caller, code, ServiceStatus.RETIRED);
	}

	@GetMapping("/agencies")
	@Operation(summary = "The agencies that have services")
	List<Agency> agencies() {
		return services.agencies();
	}

	@PutMapping("/agencies/{agency}/catalogue")
	@Operation(summary = "Import an agency's catalogue file (its staff): creates new codes, replaces existing ones")
	ImportResult importCatalogue(@PathVariable String agency, @Valid @RequestBody CatalogueFile file, Caller caller) {
		caller.requireAgency(agency);
		if (!agency.equals(file.agency().code())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "catalogue-agency-mismatch", agency);
		}
		return catalogue.importFile(file);
	}

}
