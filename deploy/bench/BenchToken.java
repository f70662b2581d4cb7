import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * Writes a JWKS and a token signed with its key, for the benchmark's own gateway (which trusts
 * that JWKS), so the benchmark needs no Keycloak. Run: java BenchToken.java <dir> <issuer> [roles] [agency]
 * (roles comma-separated, default {@code citizen}; agency for staff tokens).
 */
class BenchToken {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		String issuer = args[1];
		String roles = "\"" + String.join("\",\"", (args.length > 2 ? args[2] : "citizen").split(",")) + "\"";
		String agency = args.length > 3 ? ",\"agency\":\"" + args[3] + "\"" : "";
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
				+ b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
				+ "\"}]}";
		long now = Instant.now().getEpochSecond();
		String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
		String claims = b64(("{\"iss\":\"" + issuer + "\",\"sub\":\"bench-citizen\",\"azp\":\"bawaba-cli\",\"aud\":[\"bawaba-api\"],\"iat\":" + now
				+ ",\"exp\":" + (now + 3600) + ",\"realm_access\":{\"roles\":[" + roles + "]}" + agency + "}")
			.getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keys.getPrivate());
		signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
		Files.writeString(dir.resolve("jwks.json"), jwks);
		Files.writeString(dir.resolve("token"), header + "." + claims + "." + b64(signature.sign()));
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
