package org.bawaba.agencies.msd.family;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A sample agency service: the social development ministry's child allowance. Its step of the newborn
 * service ({@code child-allowance}) arrives as an event through the platform starter's steps facility;
 * parents read their allowances at {@code /api/agencies/msd/family/child-allowances} once agency
 * {@code msd} is onboarded with service {@code family}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MsdFamilyApplication {

	public static void main(String[] args) {
		SpringApplication.run(MsdFamilyApplication.class, args);
	}

}
