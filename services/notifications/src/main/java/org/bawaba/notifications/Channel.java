package org.bawaba.notifications;

/** Where a person receives notices. */
public enum Channel {

	INBOX, EMAIL, SMS

}
