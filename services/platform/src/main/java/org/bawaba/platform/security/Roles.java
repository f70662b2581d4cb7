package org.bawaba.platform.security;

/** The realm roles of Keycloak realm {@code bawaba}. Each becomes the authority {@code ROLE_<role>}. */
public final class Roles {

	public static final String CITIZEN = "citizen";

	public static final String SUPPLIER = "supplier";

	public static final String AGENCY_STAFF = "agency-staff";

	public static final String AGENCY_ADMIN = "agency-admin";

	public static final String PLATFORM_ADMIN = "platform-admin";

	private Roles() {
	}

}
