package org.bawaba.auth.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kafka ACLs onboarding gives an agency's service client for its journeys are those the sample agencies'
 * services have in the cluster's declaration ({@code deploy/kubernetes/base/kafka/users.yaml}, which the local
 * broker applies too): moph-births takes part in multi-agency applications, ewa-accounts in tell us once,
 * moi-identity in all three.
 */
class JourneyTest {

	private static final Path USERS = Path.of("../deploy/kubernetes/base/kafka/users.yaml");

	@Test
	void anOnboardedAgencyGetsWhatTheSampleAgenciesHaveForTheSameJourneys() throws IOException {
		Map<String, Set<String>> declared = declaredAcls();
		assertThat(granted("moph-births", "moph", List.of(Journey.APPLICATIONS))).isEqualTo(declared.get("moph-births"));
		assertThat(granted("msd-family", "msd", List.of(Journey.APPLICATIONS))).isEqualTo(declared.get("msd-family"));
		assertThat(granted("ewa-accounts", "ewa", List.of(Journey.TELL_US_ONCE))).isEqualTo(declared.get("ewa-accounts"));
		assertThat(granted("moi-identity", "moi", List.of(Journey.values()))).isEqualTo(declared.get("moi-identity"));
	}

	@Test
	void noJourneyGivesNothingButTheServicesOwnConsumerGroup() {
		assertThat(granted("mosd-allowance", "mosd", List.of())).containsExactly("group mosd-allowance LITERAL Read");
	}

	@Test
	void anAgencyWritesOnlyItsOwnTopicsAndTheyAreTheOnesOnboardingCreates() {
		assertThat(granted("moph-births", "moph", List.of(Journey.APPLICATIONS)))
			.contains("topic bawaba.agency.moph.steps LITERAL Write")
			.noneMatch(acl -> acl.startsWith("topic bawaba.agency.") && acl.endsWith("Write")
					&& !acl.startsWith("topic bawaba.agency.moph."));
		assertThat(Journey.topics("moi", List.of(Journey.values()))).containsExactly("bawaba.agency.moi.changes",
				"bawaba.agency.moi.credentials", "bawaba.agency.moi.steps");
		assertThat(Journey.topics("ewa", List.of(Journey.TELL_US_ONCE))).containsExactly("bawaba.agency.ewa.changes");
	}

	@Test
	void journeysHaveTheirNamesInRequests() {
		assertThat(Journey.of("tell-us-once")).isEqualTo(Journey.TELL_US_ONCE);
		assertThatThrownBy(() -> Journey.of("TELL_US_ONCE")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("tell-us-once");
	}

	/** Every ACL as "type name PATTERN Operation", the way users.yaml writes them. */
	private static Set<String> granted(String clientId, String agency, List<Journey> journeys) {
		Set<String> acls = new HashSet<>();
		for (AclBinding binding : Journey.access(clientId, agency, journeys)) {
			assertThat(binding.entry().principal()).isEqualTo("User:" + clientId);
			acls.add(binding.pattern().resourceType().name().toLowerCase() + " " + binding.pattern().name() + " "
					+ binding.pattern().patternType().name() + " " + operation(binding.entry().operation()));
		}
		return acls;
	}

	private static String operation(AclOperation operation) {
		String name = operation.name().toLowerCase();
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Set<String>> declaredAcls() throws IOException {
		Map<String, Set<String>> declared = new java.util.HashMap<>();
		try (Reader reader = Files.newBufferedReader(USERS)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				Map<String, Object> user = (Map<String, Object>) document;
				String name = (String) ((Map<String, Object>) user.get("metadata")).get("name");
				Map<String, Object> authorization = (Map<String, Object>) ((Map<String, Object>) user.get("spec"))
					.get("authorization");
				Set<String> acls = new HashSet<>();
				for (Object entry : (List<Object>) authorization.get("acls")) {
					Map<String, Object> acl = (Map<String, Object>) entry;
					Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
					for (Object operation : (List<Object>) acl.get("operations")) {
						acls.add(resource.get("type") + " " + resource.get("name") + " "
								+ String.valueOf(resource.get("patternType")).toUpperCase() + " " + operation);
					}
				}
				declared.put(name, acls);
			}
		}
		return declared;
	}

}
