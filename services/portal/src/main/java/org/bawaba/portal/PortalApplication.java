package org.bawaba.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The national portal: pages in Arabic and English over every Bawaba service. The gateway routes
 * {@code /} here, signs browsers in (one Keycloak session) and relays the session's access token;
 * the portal calls the services with it, so each service applies its own rules.
 */
@SpringBootApplication
public class PortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(PortalApplication.class, args);
	}

}
