package org.bawaba.participation.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bawaba.contracts.participation.ComplaintStatusChangedV1;
import org.bawaba.participation.TwoInstances;
import org.bawaba.platform.test.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * The SLA check with two instances running it at the same moment: a complaint past its first-reply deadline
 * is flagged once, with one step and one event. It needs no job lock: each complaint is claimed by one
 * instance ({@code for update skip locked}) and flagged in that transaction, so the other no longer finds it.
 */
class SlaSchedulerTwoInstancesIT {

	@Test
	void aMissedDeadlineIsFlaggedOnceWhenBothInstancesCheckAtOnce() {
		TestInstances instances = TwoInstances.started();
		UUID id = UUID.randomUUID();
		TwoInstances.execute("""
				insert into complaint (id, tracking_number, kind, agency, citizen_sub, subject, description, channel,
				  status, filed_at, updated_at, first_reply_due_at, resolution_due_at)
				values ('%s', 'TWO-%s', 'COMPLAINT', 'moi', 'citizen', 'Street light', 'Out for a week', 'WEB', 'FILED',
				  now() - interval '3 days', now() - interval '3 days', now() - interval '1 day', now() + interval '10 days')"""
			.formatted(id, id.toString().substring(0, 8)));

		int flagged = instances.together(instance -> instance.getBean(SlaScheduler.class).check()).stream()
			.mapToInt(Integer::intValue).sum();

		assertThat(flagged).isEqualTo(1);
		assertThat(TwoInstances.count("select count(*) from complaint where id = ? and reply_breached", id)).isEqualTo(1);
		assertThat(TwoInstances.count(
				"select count(*) from complaint_event where complaint_id = ? and action = 'sla-breached'", id))
			.isEqualTo(1);
		assertThat(TwoInstances.published(ComplaintStatusChangedV1.TYPE, id.toString())).isEqualTo(1);

		assertThat(instances.together(instance -> instance.getBean(SlaScheduler.class).check())).containsOnly(0);
		assertThat(TwoInstances.published(ComplaintStatusChangedV1.TYPE, id.toString())).isEqualTo(1);
	}

}
