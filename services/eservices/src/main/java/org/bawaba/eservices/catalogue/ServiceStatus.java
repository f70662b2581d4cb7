package org.bawaba.eservices.catalogue;

/** Where a service is in the catalogue: only published services are listed to the public. */
public enum ServiceStatus {

	DRAFT, PUBLISHED, RETIRED

}
