package org.bawaba.platform.events.inbox;

/** A record that can never be processed (not a CloudEvent, or data that does not fit the contract). */
class PoisonEventException extends RuntimeException {

	PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
