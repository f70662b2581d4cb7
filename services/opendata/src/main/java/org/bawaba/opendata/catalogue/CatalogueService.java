package org.bawaba.opendata.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.opendata.web.Callers;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who may read and change what in the catalogue: anyone reads public datasets, an agency's staff edit its own. */
@Service
public class CatalogueService {

	private final CatalogueRepository repository;

	private final Clock clock;

	CatalogueService(CatalogueRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional
	public Dataset create(Caller caller, DatasetRequest request) {
		Organization organization = organization(request.organization());
		caller.requireAgency(organization.name());
		check(request);
		if (repository.dataset(request.name()).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "dataset-name-taken", request.name());
		}
		UUID id = UUID.randomUUID();
		repository.insertDataset(id, organization, request, false, Instant.now(clock));
		return repository.dataset(id).orElseThrow();
	}

	/** A dataset the platform itself keeps (live statistics), created when missing; no person involved. */
	@Transactional
	public Dataset ensureLive(DatasetRequest request, ResourceRequest resource) {
		Optional<Dataset> existing = repository.dataset(request.name());
		if (existing.isPresent()) {
			return existing.get();
		}
		Organization organization = organization(request.organization());
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(clock);
		repository.insertDataset(id, organization, request, true, now);
		repository.insertResource(UUID.randomUUID(), id, resource, true, now);
		return repository.dataset(id).orElseThrow();
	}

	@Transactional
	public Dataset update(Caller caller, String name, DatasetRequest request) {
		Dataset dataset = editable(caller, name);
		if (!dataset.name().equals(request.name())
				|| !dataset.organization().name().equals(request.organization())) {
			throw new ProblemException(HttpStatus.CONFLICT, "dataset-identity-fixed", dataset.name(),
					dataset.organization().name());
		}
		check(request);
		repository.updateDataset(dataset.id(), dataset.organization(), request, Instant.now(clock));
		return repository.dataset(dataset.id()).orElseThrow();
	}

	@Transactional
	public Resource addResource(Caller caller, String datasetName, ResourceRequest request) {
		Dataset dataset = editable(caller, datasetName);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(clock);
		repository.insertResource(id, dataset.id(), request, false, now);
		repository.touch(dataset.id(), now);
		return repository.resource(id).orElseThrow();
	}

	@Transactional
	public Organization saveOrganization(Caller caller, String name, OrganizationRequest request) {
		if (!name.matches("[a-z0-9][a-z0-9_-]{1,99}")) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "name");
		}
		caller.requireAgency(name);
		caller.requireRole("agency-admin", "platform-admin");
		repository.saveOrganization(name, request.title(), request.description());
		return repository.organization(name).orElseThrow();
	}

	/** A dataset the caller may see: public ones for anyone, private ones for their organisation (else 404). */
	public Dataset visible(String nameOrId, Optional<Caller> caller) {
		Dataset dataset = repository.dataset(nameOrId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "dataset-not-found", nameOrId));
		if (dataset.isPrivate() && !Callers.mayEdit(caller, dataset.organization().name())) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "dataset-not-found", nameOrId);
		}
		return dataset;
	}

	/** A resource the caller may see, with its dataset. */
	public Dataset visibleResourceDataset(UUID resourceId, Optional<Caller> caller) {
		Resource resource = repository.resource(resourceId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "resource-not-found", resourceId));
		try {
			return visible(resource.datasetId().toString(), caller);
		}
		catch (ProblemException ex) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "resource-not-found", resourceId);
		}
	}

	public Resource resourceOrThrow(UUID id) {
		return repository.resource(id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "resource-not-found", id));
	}

	/** A resource of the caller's agency that people load data into (not a live one). */
	public Resource editableResource(Caller caller, UUID resourceId) {
		Resource resource = repository.resource(resourceId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "resource-not-found", resourceId));
		Dataset dataset = repository.dataset(resource.datasetId()).orElseThrow();
		if (dataset.isPrivate() && !Callers.mayEdit(Optional.of(caller), dataset.organization().name())) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "resource-not-found", resourceId);
		}
		caller.requireAgency(dataset.organization().name());
		if (resource.live()) {
			throw new ProblemException(HttpStatus.CONFLICT, "resource-live", resourceId);
		}
		return resource;
	}

	private Dataset editable(Caller caller, String name) {
		Dataset dataset = visible(name, Optional.of(caller));
		caller.requireAgency(dataset.organization().name());
		return dataset;
	}

	private Organization organization(String name) {
		return repository.organization(name)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "organization-not-found", name));
	}

	private void check(DatasetRequest request) {
		if (Licences.find(request.license()).isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-licence", request.license(), Licences.ids());
		}
		if (request.frequency() != null && !Frequencies.CODES.contains(request.frequency())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-frequency", request.frequency(),
					String.join(", ", Frequencies.CODES));
		}
		for (String group : request.groupList()) {
			if (repository.theme(group).isEmpty()) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-group", group);
			}
		}
		if (request.temporalStart() != null && request.temporalEnd() != null
				&& request.temporalEnd().isBefore(request.temporalStart())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "temporal-order");
		}
	}

}
