package org.bawaba.procurement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bawaba.procurement.web.Text;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's configuration ({@code procurement.*} in {@code application.yml}).
 *
 * @param dataDirectory where local-development key material is generated
 * @param sealing the key-encryption key of the tenders' opening keys
 * @param receipts the key that signs bid receipts
 * @param opening how often the opening job looks for tenders due
 * @param rules procurement rules
 * @param ocds OCDS publication
 * @param agencies agencies' names by code
 * @param categories the procurement categories
 */
@ConfigurationProperties("procurement")
public record ProcurementProperties(Path dataDirectory, Sealing sealing, Receipts receipts, Opening opening,
		Rules rules, Ocds ocds, Map<String, Text> agencies, List<Category> categories) {

	/**
	 * @param kek base64 of the 32-byte key-encryption key, if given directly
	 * @param kekFile a file holding it (base64), if given
	 * @param generateLocalKeys whether, with neither, a local-development key is generated into the data directory
	 */
	public record Sealing(@Nullable String kek, @Nullable Path kekFile, boolean generateLocalKeys) {
	}

	/** @param signingKey {@code <base64 PKCS#8 Ed25519 private key>:<base64 X.509 public key>}, if given */
	public record Receipts(@Nullable String signingKey) {
	}

	/** @param pollInterval how often the opening job runs */
	public record Opening(Duration pollInterval) {
	}

	/**
	 * @param amendmentMinimumPeriod time an amendment must leave before the submission deadline
	 * @param standstill time between the award and the earliest contract signature
	 */
	public record Rules(Duration amendmentMinimumPeriod, Duration standstill) {
	}

	/**
	 * @param ocidPrefix the registered OCID prefix ({@code ocds-xxxxxx}); the default is a local one
	 * @param baseUrl the public URL of this service (through the gateway), for package URIs and links
	 * @param publisher the publisher of the packages
	 */
	public record Ocds(String ocidPrefix, String baseUrl, Publisher publisher) {
	}

	/** The OCDS publisher. */
	public record Publisher(String name, String uri) {
	}

	/**
	 * A procurement category.
	 * @param code the code tenders and subscriptions use
	 * @param kind OCDS main procurement category: goods, works or services
	 * @param en English name
	 * @param ar Arabic name
	 */
	public record Category(String code, String kind, String en, String ar) {
	}

	public boolean isCategory(String code) {
		return categories.stream().anyMatch(category -> category.code().equals(code));
	}

	public Category category(String code) {
		return categories.stream().filter(category -> category.code().equals(code)).findFirst().orElseThrow();
	}

	public Text agencyName(String agency) {
		Text name = agencies.get(agency);
		return name != null ? name : new Text(agency, agency);
	}

}
