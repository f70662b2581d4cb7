package org.bawaba.eservices.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bawaba.contracts.eservices.ChangeCompletedV1;
import org.bawaba.contracts.eservices.ChangeReportedV1;
import org.bawaba.eservices.TwoInstances;
import org.bawaba.platform.test.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * The tell-us-once deadline check with two instances running it at the same moment: a change past its
 * deadline is completed once and its late agency asked again once. No job lock: changes and late agencies
 * are claimed with {@code for update skip locked} and completion is a conditional update.
 */
class ChangeDeadlinesTwoInstancesIT {

	@Test
	void aChangePastItsDeadlineIsCompletedOnceAndTheLateAgencyAskedAgainOnce() {
		TestInstances instances = TwoInstances.started();
		UUID change = UUID.randomUUID();
		TwoInstances.db().sql("""
				insert into change_report (id, citizen, kind, new_value, reported_at, deadline)
				values (?, 'two-instances-citizen', 'PHONE', cast('{"kind":"PHONE","phone":"+97455550000"}' as jsonb),
				  now() - interval '1 day', now() - interval '1 hour')""")
			.param(change)
			.update();
		TwoInstances.db().sql("""
				insert into change_confirmation (change_id, agency, status, last_asked_at)
				values (?, 'moi', 'PENDING', now() - interval '1 day')""")
			.param(change)
			.update();

		for (int run = 0; run < 2; run++) {
			instances.together(instance -> {
				instance.getBean(ChangeService.class).checkDeadlines();
				return null;
			});
			assertThat(TwoInstances.published(ChangeCompletedV1.TYPE, change.toString())).isEqualTo(1);
			assertThat(TwoInstances.published(ChangeReportedV1.TYPE, change.toString())).isEqualTo(1);
			assertThat(TwoInstances.count(
					"select count(*) from change_confirmation where change_id = ? and late and attempts = 2", change))
				.isEqualTo(1);
		}
	}

}
