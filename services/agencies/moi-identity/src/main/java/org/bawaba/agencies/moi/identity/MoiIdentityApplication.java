package org.bawaba.agencies.moi.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A sample agency service: the interior ministry's identity documents (ID cards, residence permits) with
 * their expiry dates. Built only on the platform starter and the event contracts, as a ministry's own team
 * would; routed by the gateway at {@code /api/agencies/moi/identity/**} once agency {@code moi} is onboarded.
 */
@SpringBootApplication
public class MoiIdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(MoiIdentityApplication.class, args);
	}

}
