package org.bawaba.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.steps.StepCompletedV1;
import org.junit.jupiter.api.Test;

/** Per-agency topics: one agency's name, the pattern that finds them all, their one dead-letter topic. */
class TopicsTest {

	@Test
	void anAgencyEventTravelsOnItsOwnAgencysTopic() {
		StepCompletedV1 moph = new StepCompletedV1(UUID.randomUUID(), "birth-certificate", "moph", "BC-1",
				Instant.now());
		assertThat(Contracts.topicOf(moph)).isEqualTo("bawaba.agency.moph.steps");
		assertThat(Topics.ofAgency(Topics.ESERVICES_STEPS, "moph")).isEqualTo(Topics.ESERVICES_STEPS);
	}

	@Test
	void aNameThatIsNoAgencyCodeMakesNoTopic() {
		for (String agency : new String[] { "MOI", "moi.steps", "m", "moi*", "", "a-b" }) {
			StepCompletedV1 event = new StepCompletedV1(UUID.randomUUID(), "x", agency, "r", Instant.now());
			assertThatIllegalArgumentException().as(agency).isThrownBy(() -> Contracts.topicOf(event));
		}
		StepCompletedV1 none = new StepCompletedV1(UUID.randomUUID(), "x", null, "r", Instant.now());
		assertThatIllegalArgumentException().isThrownBy(() -> Contracts.topicOf(none));
	}

	@Test
	void thePatternFindsEveryAgencysTopicOfOneKindAndNothingElse() {
		var steps = Topics.pattern(Topics.AGENCY_STEPS);
		assertThat(steps.matcher("bawaba.agency.moi.steps").matches()).isTrue();
		assertThat(steps.matcher("bawaba.agency.moph2.steps").matches()).isTrue();
		assertThat(steps.matcher("bawaba.agency.steps").matches()).isFalse();
		assertThat(steps.matcher("bawaba.agency.steps.dlt").matches()).isFalse();
		assertThat(steps.matcher("bawaba.agency.moi.changes").matches()).isFalse();
		assertThat(steps.matcher("bawaba.agency.moi.steps.dlt").matches()).isFalse();
		assertThat(steps.matcher("bawaba.agencyXmoiXsteps").matches()).isFalse();
		assertThat(Topics.pattern(Topics.ESERVICES_STEPS).matcher("bawaba.eservices.steps").matches()).isTrue();
		assertThat(Topics.pattern(Topics.ESERVICES_STEPS).matcher("bawabaXeservices.steps").matches()).isFalse();
	}

	@Test
	void theAgencyOfATopicIsReadFromItsName() {
		assertThat(Topics.agencyOf(Topics.AGENCY_CHANGES, "bawaba.agency.ewa.changes")).contains("ewa");
		assertThat(Topics.agencyOf(Topics.AGENCY_CHANGES, "bawaba.agency.ewa.steps")).isEmpty();
		assertThat(Topics.agencyOf(Topics.ESERVICES_CHANGES, "bawaba.eservices.changes")).isEmpty();
	}

	@Test
	void everyAgencysTopicOfOneKindSharesOneDeadLetterTopic() {
		assertThat(Topics.deadLetter("bawaba.agency.moi.steps")).isEqualTo("bawaba.agency.steps.dlt");
		assertThat(Topics.deadLetter(Topics.AGENCY_STEPS)).isEqualTo("bawaba.agency.steps.dlt");
		assertThat(Topics.deadLetter("bawaba.agency.ewa.changes")).isEqualTo("bawaba.agency.changes.dlt");
		assertThat(Topics.deadLetter(Topics.AGENCY_CREDENTIALS)).isEqualTo("bawaba.agency.credentials.dlt");
		assertThat(Topics.deadLetter(Topics.ESERVICES_STEPS)).isEqualTo("bawaba.eservices.steps.dlt");
	}

}
