package org.bawaba.participation.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;

import org.bawaba.contracts.participation.SatisfactionPublishedV1;
import org.bawaba.participation.TwoInstances;
import org.bawaba.platform.test.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * The monthly publication with two instances: both start it at the same moment, one publishes, and the lock
 * row keeps the other (and a run soon after) from publishing every indicator again. Nothing in its SQL stops a
 * second publication: without the lock this test sees each event twice.
 */
class SatisfactionPublicationTwoInstancesIT {

	@Test
	void lastMonthIsPublishedOnceWhenBothInstancesRunTheJobAtOnce() {
		TestInstances instances = TwoInstances.started();
		YearMonth last = YearMonth.now(ZoneId.of("Asia/Qatar")).minusMonths(1);
		TwoInstances.execute("""
				insert into satisfaction_invitation (id, application_id, service_code, agency, citizen_sub,
				  completed_at, invited_at, score, answered_at)
				select gen_random_uuid(), gen_random_uuid(), 'two-instances-service', 'two-instances', 'citizen-' || n,
				  t.at, t.at, 5, t.at
				from generate_series(1, 5) n, (select timestamptz '%sT12:00:00+03:00' as at) t""".formatted(last.atDay(15)));

		instances.together(instance -> {
			instance.getBean(SatisfactionPublication.class).publishLastMonth();
			return null;
		});

		String agencyKey = "two-instances:*:" + last;
		String serviceKey = "two-instances:two-instances-service:" + last;
		assertThat(TwoInstances.published(SatisfactionPublishedV1.TYPE, agencyKey)).isEqualTo(1);
		assertThat(TwoInstances.published(SatisfactionPublishedV1.TYPE, serviceKey)).isEqualTo(1);
		assertThat(TwoInstances.count("""
				select count(*) from bawaba_shedlock where name = 'participation.satisfaction-publication'
				  and lock_until > timezone('utc', now()) + interval '20 minutes'""")).as("held for lockAtLeastFor")
			.isEqualTo(1);

		instances.beans(SatisfactionPublication.class).forEach(SatisfactionPublication::publishLastMonth);
		assertThat(TwoInstances.published(SatisfactionPublishedV1.TYPE, agencyKey)).as("a run soon after").isEqualTo(1);
		assertThat(TwoInstances.published(SatisfactionPublishedV1.TYPE, serviceKey)).isEqualTo(1);
	}

}
