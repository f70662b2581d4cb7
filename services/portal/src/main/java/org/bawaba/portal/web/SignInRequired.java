package org.bawaba.portal.web;

/** The page needs a signed-in person: the browser is sent to the gateway's sign-in, then back. */
public class SignInRequired extends RuntimeException {

	public SignInRequired() {
		super("sign-in required", null, false, false);
	}

}
