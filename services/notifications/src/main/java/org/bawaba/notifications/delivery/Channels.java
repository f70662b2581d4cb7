package org.bawaba.notifications.delivery;

import org.bawaba.notifications.Channel;
import org.bawaba.notifications.NotificationsProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Which external channels this instance can send on (an SMTP host, an SMS provider configured). */
@Component
public class Channels {

	private final boolean email;

	private final boolean sms;

	Channels(@Value("${spring.mail.host:}") String mailHost, NotificationsProperties properties) {
		this.email = StringUtils.hasText(mailHost);
		this.sms = StringUtils.hasText(properties.sms().baseUrl());
	}

	public boolean configured(Channel channel) {
		return switch (channel) {
			case INBOX -> true;
			case EMAIL -> email;
			case SMS -> sms;
		};
	}

}
