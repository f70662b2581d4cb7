package org.bawaba.procurement.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a bid to a tender's public key (an ECIES/HPKE-style construction from JDK primitives): a fresh
 * X25519 key pair per bid, the shared secret with the tender's public key through HKDF-SHA256 into an
 * AES-256 key, AES-GCM over the content with the tender and bid ids as associated data. Sealing needs
 * only the public key, so the service never holds anything able to read a bid before the opening.
 */
public final class SealedBox {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SealedBox() {
	}

	/** A sealed content: the bid's ephemeral public key (X.509), the GCM nonce and the ciphertext with its tag. */
	public record Sealed(byte[] ephemeralKey, byte[] nonce, byte[] ciphertext) {
	}

	/** A new tender key pair (X25519). */
	static KeyPair newTenderKey() {
		try {
			return KeyPairGenerator.getInstance("X25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Sealed seal(byte[] tenderPublicKey, byte[] plaintext, String associatedData) {
		try {
			KeyPair ephemeral = newTenderKey();
			byte[] key = derive(ephemeral.getPrivate(), publicKey(tenderPublicKey), associatedData);
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			return new Sealed(ephemeral.getPublic().getEncoded(), nonce, aesGcm(Cipher.ENCRYPT_MODE, key, nonce,
					associatedData, plaintext));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Opens a sealed content with the tender's private key; fails if anything was altered. */
	static byte[] open(PrivateKey tenderPrivateKey, Sealed sealed, String associatedData)
			throws GeneralSecurityException {
		byte[] key = derive(tenderPrivateKey, publicKey(sealed.ephemeralKey()), associatedData);
		return aesGcm(Cipher.DECRYPT_MODE, key, sealed.nonce(), associatedData, sealed.ciphertext());
	}

	static byte[] aesGcm(int mode, byte[] key, byte[] nonce, String associatedData, byte[] input)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
		return cipher.doFinal(input);
	}

	private static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
		return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(encoded));
	}

	private static byte[] derive(PrivateKey own, PublicKey other, String info) throws GeneralSecurityException {
		KeyAgreement agreement = KeyAgreement.getInstance("X25519");
		agreement.init(own);
		agreement.doPhase(other, true);
		byte[] shared = agreement.generateSecret();
		try {
			return hkdf(shared, ("bawaba-sealed-bid-v1|" + info).getBytes(StandardCharsets.UTF_8));
		}
		finally {
			Arrays.fill(shared, (byte) 0);
		}
	}

	/** HKDF-SHA256 (RFC 5869) with an all-zero salt, 32 bytes of output. */
	static byte[] hkdf(byte[] inputKey, byte[] info) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
		byte[] pseudoRandomKey = mac.doFinal(inputKey);
		mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
		mac.update(info);
		mac.update((byte) 1);
		return mac.doFinal();
	}

}
