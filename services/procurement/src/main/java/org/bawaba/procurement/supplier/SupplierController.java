package org.bawaba.procurement.supplier;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bawaba.platform.security.Caller;
import org.bawaba.procurement.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Suppliers", description = "Businesses register as suppliers and subscribe to categories; agencies see their profiles")
class SupplierController {

	private final SupplierService service;

	SupplierController(SupplierService service) {
		this.service = service;
	}

	@PostMapping("/suppliers")
	@Operation(summary = "Register the caller's business as a supplier (role supplier); the caller becomes its member")
	ResponseEntity<Supplier> register(@Valid @RequestBody Requests.Profile profile, Caller caller) {
		Supplier supplier = service.register(caller, profile);
		return ResponseEntity.created(URI.create("/suppliers/" + supplier.id())).body(supplier);
	}

	@GetMapping("/suppliers/me")
	@Operation(summary = "The caller's own supplier profile")
	Supplier me(Caller caller) {
		return service.own(caller);
	}

	@PutMapping("/suppliers/me")
	@Operation(summary = "Change the caller's supplier profile (the registration number cannot change)")
	Supplier update(@Valid @RequestBody Requests.Profile profile, Caller caller) {
		return service.update(caller, profile);
	}

	@PutMapping("/suppliers/me/subscriptions")
	@Operation(summary = "The categories whose new tenders the caller's supplier wants to hear about")
	Supplier subscribe(@Valid @RequestBody Requests.Subscriptions subscriptions, Caller caller) {
		return service.subscribe(caller, subscriptions.categories());
	}

	@GetMapping("/suppliers")
	@Operation(summary = "Supplier profiles (agency staff, platform admins), optionally of one category")
	Page<Supplier> list(@RequestParam(required = false) @Nullable String category,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		return service.list(caller, category, page, size);
	}

	@GetMapping("/suppliers/{id}")
	@Operation(summary = "One supplier profile: agency staff, platform admins and its own members (404 for anyone else)")
	Supplier get(@PathVariable UUID id, Caller caller) {
		return service.visible(caller, id);
	}

}
