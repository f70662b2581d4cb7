package org.bawaba.agencies.moph.births;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A sample agency service: the health ministry's birth registration. Its step of the newborn service
 * ({@code birth-certificate}) arrives as an event through the platform starter's steps facility; parents
 * read their certificates at {@code /api/agencies/moph/births/birth-certificates} once agency {@code moph}
 * is onboarded with service {@code births}.
 */
@SpringBootApplication
public class MophBirthsApplication {

	public static void main(String[] args) {
		SpringApplication.run(MophBirthsApplication.class, args);
	}

}
