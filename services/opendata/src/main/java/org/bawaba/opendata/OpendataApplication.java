package org.bawaba.opendata;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Open data: the dataset catalogue, its CKAN-compatible API, the datastore, DCAT-AP and live statistics. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpendataApplication {

	public static void main(String[] args) {
		SpringApplication.run(OpendataApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
