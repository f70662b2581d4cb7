package org.bawaba.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Notices for people (inbox, e-mail, SMS) and webhooks for other systems, from the platform's events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationsApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationsApplication.class, args);
	}

}
