package org.bawaba.procurement.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.bawaba.procurement.ProcurementProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The two secrets the service holds outside its database: the key-encryption key (KEK) that wraps every
 * tender's opening key, and the Ed25519 key that signs bid receipts. Each comes from configuration (an
 * environment variable or a file provisioned by the operator's secret store) or, for local development
 * only, is generated on first start into the data directory ({@code .bawaba/data/procurement}, never
 * committed) with owner-only permissions, and a warning is logged.
 */
@Component
public class KeyMaterial {

	static final String KEK_FILE = "sealing-kek.LOCAL-DEVELOPMENT-ONLY.b64";

	static final String RECEIPT_KEY_FILE = "receipt-signing-key.LOCAL-DEVELOPMENT-ONLY.txt";

	private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

	private final SecretKeySpec kek;

	private final KeyPair receiptKey;

	KeyMaterial(ProcurementProperties properties) {
		this.kek = new SecretKeySpec(loadKek(properties), "AES");
		this.receiptKey = loadReceiptKey(properties);
	}

	SecretKeySpec kek() {
		return kek;
	}

	KeyPair receiptKey() {
		return receiptKey;
	}

	private static byte[] loadKek(ProcurementProperties properties) {
		ProcurementProperties.Sealing sealing = properties.sealing();
		String encoded = notBlank(sealing.kek());
		if (encoded == null && sealing.kekFile() != null && !sealing.kekFile().toString().isBlank()) {
			encoded = read(sealing.kekFile());
		}
		if (encoded == null) {
			encoded = localDevelopment(properties, KEK_FILE, () -> {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				return Base64.getEncoder().encodeToString(key);
			});
		}
		byte[] key = Base64.getDecoder().decode(encoded.trim());
		if (key.length != 32) {
			throw new IllegalStateException("The key-encryption key must be 32 bytes (base64), not " + key.length);
		}
		return key;
	}

	private static KeyPair loadReceiptKey(ProcurementProperties properties) {
		String encoded = notBlank(properties.receipts().signingKey());
		if (encoded == null) {
			encoded = localDevelopment(properties, RECEIPT_KEY_FILE, () -> {
				try {
					KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
					return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + ":"
							+ Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		String[] parts = encoded.trim().split(":");
		if (parts.length != 2) {
			throw new IllegalStateException("The receipt key is \"<base64 PKCS#8 private>:<base64 X.509 public>\"");
		}
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))),
					factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0]))));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The receipt key is not an Ed25519 key pair", ex);
		}
	}

	private static String localDevelopment(ProcurementProperties properties, String name,
			java.util.function.Supplier<String> generate) {
		if (!properties.sealing().generateLocalKeys()) {
			throw new IllegalStateException("No " + name.substring(0, name.indexOf('.')) + " configured and "
					+ "procurement.sealing.generate-local-keys is false: provision it (see the procurement README)");
		}
		Path file = properties.dataDirectory().resolve(name);
		try {
			Files.createDirectories(properties.dataDirectory());
			if (!Files.exists(file)) {
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(
							Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
									java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
					Files.writeString(file, generate.get(), StandardCharsets.US_ASCII);
					log.warn("Generated a LOCAL-DEVELOPMENT key at {}. Production must provision its keys from a "
							+ "secret store (see the procurement README): whoever holds this file and the database "
							+ "can open sealed bids early.", file);
				}
				catch (FileAlreadyExistsException raced) {
					// another instance created it first: use theirs
				}
			}
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static @Nullable String notBlank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
