package org.bawaba.agencies.ewa.accounts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A sample agency service: the Electricity and Water Authority's customer accounts, each with the address
 * it serves, kept current by tell-us-once changes. Built only on the platform starter and the event
 * contracts, as a utility's own team would; routed by the gateway at {@code /api/agencies/ewa/accounts/**}
 * once agency {@code ewa} is onboarded. The template module of {@code docs/agency-guide.md}.
 */
@SpringBootApplication
public class EwaAccountsApplication {

	public static void main(String[] args) {
		SpringApplication.run(EwaAccountsApplication.class, args);
	}

}
