package org.bawaba.eservices.catalogue;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The catalogue as the other features read it. */
@Component
public class Catalogue {

	private final CatalogueRepository services;

	Catalogue(CatalogueRepository services) {
		this.services = services;
	}

	/** A service in any status, by code. */
	public Optional<EService> find(String code) {
		return services.findByCode(code);
	}

}
