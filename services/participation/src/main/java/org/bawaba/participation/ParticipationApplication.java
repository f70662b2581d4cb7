package org.bawaba.participation;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** E-participation: polls with a secret ballot, consultations, complaints and suggestions, satisfaction. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ParticipationApplication {

	public static void main(String[] args) {
		SpringApplication.run(ParticipationApplication.class, args);
	}

	/** Every "now" of the service: windows, deadlines, months. Tests replace it to move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
