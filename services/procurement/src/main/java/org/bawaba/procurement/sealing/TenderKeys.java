package org.bawaba.procurement.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Tenders' opening keys: created at publication, their private half wrapped (AES-256-GCM) by the
 * key-encryption key, and released only from the opening time on, by the service's clock. The opening
 * time is authenticated by an HMAC under a key derived from the KEK, so a database writer who moves a
 * tender's opening time earlier gets a refusal, not the key.
 */
@Component
public class TenderKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyMaterial material;

	private final Clock clock;

	TenderKeys(KeyMaterial material, Clock clock) {
		this.material = material;
		this.clock = clock;
	}

	/** What the database keeps of a tender's opening key. */
	public record StoredKey(byte[] publicKey, byte[] wrappedPrivateKey, byte[] openingTimeTag) {
	}

	/** The opening time is not reached: the key stays wrapped. */
	public static class SealedUntilOpeningException extends RuntimeException {

		SealedUntilOpeningException(UUID tenderId, Instant openingTime) {
			super("The bids of tender " + tenderId + " are sealed until " + openingTime);
		}

	}

	/** A new opening key for a tender. */
	public StoredKey create(UUID tenderId, Instant openingTime) {
		KeyPair pair = SealedBox.newTenderKey();
		byte[] privateKey = pair.getPrivate().getEncoded();
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			byte[] wrapped = SealedBox.aesGcm(Cipher.ENCRYPT_MODE, material.kek().getEncoded(), nonce,
					wrapContext(tenderId), privateKey);
			byte[] stored = new byte[nonce.length + wrapped.length];
			System.arraycopy(nonce, 0, stored, 0, nonce.length);
			System.arraycopy(wrapped, 0, stored, nonce.length, wrapped.length);
			return new StoredKey(pair.getPublic().getEncoded(), stored, openingTimeTag(tenderId, openingTime));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			Arrays.fill(privateKey, (byte) 0);
		}
	}

	/** The tag of a new opening time (an amendment moved it); needs no unwrapping. */
	public byte[] openingTimeTag(UUID tenderId, Instant openingTime) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SealedBox.hkdf(material.kek().getEncoded(),
					"bawaba-opening-time-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
			return mac.doFinal((tenderId + "|" + openingTime.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens sealed contents of a tender: unwraps its key, only from {@code openingTime} on by the clock and
	 * only if {@code openingTime} is the one authenticated at publication or amendment.
	 * @throws SealedUntilOpeningException before the opening time
	 * @throws SecurityException when the opening time or the wrapped key was altered, or the KEK is not the one
	 * that wrapped it
	 */
	public Opener release(UUID tenderId, Instant openingTime, StoredKey stored) {
		if (clock.instant().isBefore(openingTime)) {
			throw new SealedUntilOpeningException(tenderId, openingTime);
		}
		if (!MessageDigest.isEqual(openingTimeTag(tenderId, openingTime), stored.openingTimeTag())) {
			throw new SecurityException("The opening time of tender " + tenderId + " is not the authenticated one");
		}
		byte[] wrapped = stored.wrappedPrivateKey();
		if (wrapped == null) {
			throw new SecurityException("The opening key of tender " + tenderId + " was destroyed");
		}
		try {
			byte[] privateKey = SealedBox.aesGcm(Cipher.DECRYPT_MODE, material.kek().getEncoded(),
					Arrays.copyOf(wrapped, 12), wrapContext(tenderId), Arrays.copyOfRange(wrapped, 12, wrapped.length));
			PrivateKey key = KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(privateKey));
			Arrays.fill(privateKey, (byte) 0);
			return new Opener(key);
		}
		catch (GeneralSecurityException ex) {
			throw new SecurityException("The opening key of tender " + tenderId + " does not unwrap", ex);
		}
	}

	private static String wrapContext(UUID tenderId) {
		return "bawaba-tender-opening-key-v1|" + tenderId;
	}

	/** A released opening key: opens the tender's sealed bids. */
	public static final class Opener {

		private final PrivateKey key;

		Opener(PrivateKey key) {
			this.key = key;
		}

		public byte[] open(SealedBox.Sealed sealed, String associatedData) {
			try {
				return SealedBox.open(key, sealed, associatedData);
			}
			catch (GeneralSecurityException ex) {
				throw new SecurityException("A sealed bid does not open: it was altered", ex);
			}
		}

	}

}
