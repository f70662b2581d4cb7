package org.bawaba.participation.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bawaba.contracts.participation.PollClosedV1;
import org.bawaba.contracts.participation.PollOpenedV1;
import org.bawaba.participation.TwoInstances;
import org.bawaba.platform.test.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * The polls' clockwork with two instances running it at the same moment: a poll due to open is announced
 * once, a poll due to close is closed and its results published once, and its ballots are mixed with none
 * lost or doubled. It needs no job lock: each poll is claimed by one instance ({@code for update skip locked}).
 */
class PollSchedulerTwoInstancesIT {

	@Test
	void aPollIsAnnouncedOnceAndClosedOnceAndItsBallotsMixedWhenBothInstancesRunTheScheduler() {
		TestInstances instances = TwoInstances.started();
		UUID opening = poll("now() - interval '1 minute'", "now() + interval '1 hour'", false);
		UUID closing = poll("now() - interval '2 hours'", "now() - interval '1 minute'", true);
		UUID option = UUID.randomUUID();
		TwoInstances.execute("insert into poll_option (id, poll_id, position, label_en, label_ar) values ('%s', '%s', 1, 'Yes', 'نعم')"
			.formatted(option, closing));
		for (int i = 0; i < 3; i++) {
			TwoInstances.execute("insert into poll_ballot (receipt, poll_id, option_ids) values ('%s', '%s', array['%s']::uuid[])"
				.formatted(UUID.randomUUID(), closing, option));
		}

		for (int run = 0; run < 2; run++) {
			instances.together(instance -> {
				instance.getBean(PollScheduler.class).run();
				return null;
			});

			assertThat(TwoInstances.published(PollOpenedV1.TYPE, opening.toString())).isEqualTo(1);
			assertThat(TwoInstances.published(PollClosedV1.TYPE, closing.toString())).isEqualTo(1);
			assertThat(TwoInstances.count("select count(*) from poll where id = ? and closed_at is not null", closing))
				.isEqualTo(1);
			assertThat(TwoInstances.count("select count(*) from poll_ballot where poll_id = ? and mixed", closing))
				.isEqualTo(3);
			assertThat(TwoInstances.count("select count(*) from poll_ballot where poll_id = ?", closing)).isEqualTo(3);
		}
	}

	private static UUID poll(String opensAt, String closesAt, boolean announced) {
		UUID id = UUID.randomUUID();
		TwoInstances.execute("""
				insert into poll (id, agency, question_en, question_ar, multiple_choice, max_choices, audience,
				  results_visibility, suppression_threshold, opens_at, closes_at, opened_published, created_by, created_at)
				values ('%s', 'moi', 'Two instances?', 'نسختان؟', false, 1, 'ALL', 'LIVE', 0, %s, %s, %s, 'staff', now())"""
			.formatted(id, opensAt, closesAt, announced));
		return id;
	}

}
