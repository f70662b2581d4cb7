package org.bawaba.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bawaba.notifications.NotificationsProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmailSenderTest {

	@Test
	void withoutAnSmtpHostAnEmailIsNotConfiguredRatherThanFailed() {
		NotificationsProperties properties = new NotificationsProperties("ar", Map.of(), Map.of(), null,
				new NotificationsProperties.Email("Bawaba <no-reply@bawaba.local>", null), null, null, null,
				new NotificationsProperties.Webhooks(false, null, null, null, 10, null, List.of()));
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", new JavaMailSenderImpl()));
		EmailSender sender = new EmailSender(beans.getBeanProvider(JavaMailSender.class), "", properties,
				"http://localhost:8080");
		Outcome outcome = sender.send("someone@example.org",
				new Message(1, "Subject", "Body", null, Locale.ENGLISH));
		assertThat(outcome).isInstanceOf(Outcome.NotConfigured.class);
	}

}
