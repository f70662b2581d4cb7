import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The current time-based one-time code (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) for a TOTP secret
 * as Keycloak stores it (the secret's UTF-8 bytes are the key). Run with the JDK: java Totp.java SECRET
 */
public class Totp {

	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			System.err.println("usage: java Totp.java SECRET");
			System.exit(2);
		}
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(args[0].getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30_000).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int code = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
		System.out.printf("%06d%n", code);
	}

}
