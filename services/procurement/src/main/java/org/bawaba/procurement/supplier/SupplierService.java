package org.bawaba.procurement.supplier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.procurement.SupplierUpdatedV1;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import org.bawaba.procurement.ProcurementProperties;
import org.bawaba.procurement.web.Page;
import org.bawaba.procurement.web.Times;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suppliers: registration, profile, category subscriptions, who may see them; an event for every change. */
@Service
public class SupplierService {

	private final SupplierRepository suppliers;

	private final EventPublisher events;

	private final ProcurementProperties properties;

	private final Clock clock;

	SupplierService(SupplierRepository suppliers, EventPublisher events, ProcurementProperties properties, Clock clock) {
		this.suppliers = suppliers;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Supplier register(Caller caller, Requests.Profile profile) {
		caller.requireRole(Roles.SUPPLIER);
		if (suppliers.ofMember(caller.subject()).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "supplier-already-registered");
		}
		if (suppliers.registrationNumberTaken(profile.registrationNumber())) {
			throw new ProblemException(HttpStatus.CONFLICT, "registration-number-taken", profile.registrationNumber());
		}
		requireCategories(profile.sells());
		UUID id = UUID.randomUUID();
		suppliers.insert(id, profile, caller.subject(), Times.now(clock));
		return published(id);
	}

	@Transactional
	Supplier update(Caller caller, Requests.Profile profile) {
		Supplier own = own(caller);
		if (!own.registrationNumber().equals(profile.registrationNumber())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "registration-number-immutable");
		}
		requireCategories(profile.sells());
		suppliers.update(own.id(), profile, Times.now(clock));
		return published(own.id());
	}

	@Transactional
	Supplier subscribe(Caller caller, List<String> categories) {
		Supplier own = own(caller);
		requireCategories(categories);
		suppliers.subscribe(own.id(), categories.stream().distinct().toList(), Times.now(clock));
		return published(own.id());
	}

	/** The caller's own supplier; 404 when the caller registered none. */
	public Supplier own(Caller caller) {
		caller.requireRole(Roles.SUPPLIER);
		return suppliers.ofMember(caller.subject())
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "supplier-not-registered"));
	}

	/** The supplier the caller acts for, if any. */
	public Optional<Supplier> ofCaller(Caller caller) {
		return caller.hasRole(Roles.SUPPLIER) ? suppliers.ofMember(caller.subject()) : Optional.empty();
	}

	public Optional<Supplier> find(UUID id) {
		return suppliers.find(id);
	}

	/** A profile for agency staff, platform admins and its own members; 404 for anyone else. */
	Supplier visible(Caller caller, UUID id) {
		Supplier supplier = suppliers.find(id).orElse(null);
		if (supplier == null || !(caller.isAgencyStaff() || caller.isPlatformAdmin()
				|| supplier.members().contains(caller.subject()))) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "supplier-not-found", id);
		}
		return supplier;
	}

	Page<Supplier> list(Caller caller, @Nullable String category, int page, int size) {
		if (!caller.isAgencyStaff() && !caller.isPlatformAdmin()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
		}
		return new Page<>(suppliers.list(category, page, size), page, size, suppliers.count(category));
	}

	private void requireCategories(List<String> categories) {
		for (String category : categories) {
			if (!properties.isCategory(category)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "category-unknown", category);
			}
		}
	}

	private Supplier published(UUID id) {
		Supplier supplier = suppliers.find(id).orElseThrow();
		Instant now = supplier.updatedAt();
		events.publish(new SupplierUpdatedV1(supplier.id(), supplier.name().en(), supplier.name().ar(),
				supplier.subscriptions(), supplier.sells(), supplier.members(), now));
		return supplier;
	}

}
