package org.bawaba.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The only public entry of Bawaba: routes {@code /api/<service>/**} to the services registered in
 * Eureka, checks bearer tokens issued by the Bawaba sign-on, and answers its own errors as
 * RFC 9457 problem details.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
