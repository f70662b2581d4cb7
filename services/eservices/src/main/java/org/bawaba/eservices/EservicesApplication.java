package org.bawaba.eservices;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The e-services catalogue, applications, documents, fees, ratings and statistics. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EservicesApplication {

	public static void main(String[] args) {
		SpringApplication.run(EservicesApplication.class, args);
	}

}
