package org.bawaba.procurement;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Public procurement: suppliers, tenders, sealed bids, opening, award, contracts and OCDS publication. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProcurementApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProcurementApplication.class, args);
	}

	/** Every deadline is judged by this clock; tests replace it to cross deadlines without sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
