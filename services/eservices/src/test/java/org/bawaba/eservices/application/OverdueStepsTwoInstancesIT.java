package org.bawaba.eservices.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bawaba.contracts.eservices.ApplicationStepOverdueV1;
import org.bawaba.eservices.TwoInstances;
import org.bawaba.platform.test.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * The overdue check with two instances running it at the same moment: a step past its deadline is marked
 * once, with one history line and one event. No job lock: each step is claimed by one instance
 * ({@code for update skip locked}) and marked in that transaction.
 */
class OverdueStepsTwoInstancesIT {

	@Test
	void aStepPastItsDeadlineIsMarkedOverdueOnceWhenBothInstancesCheckAtOnce() {
		TestInstances instances = TwoInstances.started();
		UUID application = UUID.randomUUID();
		TwoInstances.db().sql("""
				insert into application (id, reference, service_code, agency, citizen_subject, status, fee_amount,
				  fee_currency, payment_required, submitted_at)
				select ?, ?, code, agency, 'citizen', 'IN_REVIEW', 0, 'QAR', false, now() from eservice
				order by code limit 1""")
			.params(application, "TWO-STEP")
			.update();
		TwoInstances.db().sql("""
				insert into application_step (application_id, position, step, agency, title_en, title_ar, status,
				  requested_at, due_at)
				values (?, 1, 'national-number', 'moi', 'National number', 'الرقم الوطني', 'PENDING',
				  now() - interval '2 days', now() - interval '1 day')""")
			.param(application)
			.update();

		for (int run = 0; run < 2; run++) {
			instances.together(instance -> {
				instance.getBean(OverdueSteps.class).check();
				return null;
			});
			assertThat(TwoInstances.published(ApplicationStepOverdueV1.TYPE, application.toString())).isEqualTo(1);
			assertThat(TwoInstances.count(
					"select count(*) from application_history where application_id = ? and action = 'step-overdue'",
					application)).isEqualTo(1);
			assertThat(TwoInstances.count(
					"select count(*) from application_step where application_id = ? and status = 'OVERDUE'", application))
				.isEqualTo(1);
		}
	}

}
