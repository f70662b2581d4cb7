package org.bawaba.notifications.delivery;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.bawaba.notifications.NotificationsProperties;
import org.springframework.web.util.HtmlUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * E-mail over SMTP ({@code spring.mail.*}): a plain-text and an HTML part, the HTML one with
 * {@code lang} and {@code dir="rtl"} for Arabic. Without an SMTP host the delivery is NOT_CONFIGURED.
 */
@Component
class EmailSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final String host;

	private final String from;

	private final String portalUrl;

	EmailSender(ObjectProvider<JavaMailSender> mail, @Value("${spring.mail.host:}") String host,
			NotificationsProperties properties, @Value("${PUBLIC_URL:http://localhost:8080}") String portalUrl) {
		this.mail = mail;
		this.host = host;
		this.from = properties.email().from();
		this.portalUrl = portalUrl;
	}

	Outcome send(String to, Message message) {
		JavaMailSender sender = mail.getIfAvailable();
		if (!StringUtils.hasText(host) || sender == null) {
			return new Outcome.NotConfigured();
		}
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(message.subject());
			helper.setText(plain(message), html(message));
			mime.setHeader("Content-Language", message.locale().getLanguage());
			mime.setHeader("X-Bawaba-Delivery", String.valueOf(message.deliveryId()));
			sender.send(mime);
			return new Outcome.Sent(mime.getMessageID());
		}
		catch (MailException | jakarta.mail.MessagingException ex) {
			return new Outcome.Failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
		}
	}

	private String plain(Message message) {
		String link = message.link() == null ? "" : "\n\n" + message.href(portalUrl);
		return message.body() + link + "\n";
	}

	private String html(Message message) {
		String lang = message.arabic() ? "ar" : "en";
		String dir = message.arabic() ? "rtl" : "ltr";
		String align = message.arabic() ? "right" : "left";
		StringBuilder html = new StringBuilder()
			.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\" dir=\"").append(dir).append("\">\n")
			.append("<head><meta charset=\"utf-8\"><title>").append(HtmlUtils.htmlEscape(message.subject()))
			.append("</title></head>\n<body style=\"font-family: Tahoma, Arial, sans-serif; text-align: ")
			.append(align).append("\">\n<h1 style=\"font-size: 1.3em\">").append(HtmlUtils.htmlEscape(message.subject()))
			.append("</h1>\n");
		for (String paragraph : message.body().split("\n")) {
			html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>\n");
		}
		if (message.link() != null) {
			html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(message.href(portalUrl))).append("\">")
				.append(message.arabic() ? "افتح في بوابة" : "Open in Bawaba").append("</a></p>\n");
		}
		return html.append("</body>\n</html>\n").toString();
	}

}
