package org.bawaba.eservices.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.bawaba.contracts.eservices.ServiceStatisticsPublishedV1;
import org.bawaba.eservices.TwoInstances;
import org.bawaba.platform.test.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * The monthly statistics publication with two instances running it at the same moment: last month is
 * published once. No job lock: the month's row in {@code statistics_publication} is claimed in the publishing
 * transaction, and a later run finds it claimed.
 */
class StatisticsTwoInstancesIT {

	@Test
	void lastMonthIsPublishedOnceWhenBothInstancesRunTheJobAtOnce() {
		TestInstances instances = TwoInstances.started();
		YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
		String service = TwoInstances.db().sql("select code from eservice order by code limit 1").query(String.class)
			.single();
		TwoInstances.db().sql("""
				insert into application (id, reference, service_code, agency, citizen_subject, status, fee_amount,
				  fee_currency, payment_required, submitted_at)
				select ?, ?, code, agency, 'citizen', 'SUBMITTED', 0, 'QAR', false, ? from eservice where code = ?""")
			.params(UUID.randomUUID(), "TWO-STATS", java.sql.Timestamp.from(last.atDay(15).atStartOfDay()
				.toInstant(ZoneOffset.UTC)), service)
			.update();

		for (int run = 0; run < 2; run++) {
			instances.together(instance -> {
				instance.getBean(StatisticsService.class).publishLastMonth();
				return null;
			});
			assertThat(TwoInstances.published(ServiceStatisticsPublishedV1.TYPE, service + ":" + last)).isEqualTo(1);
			assertThat(TwoInstances.count("select count(*) from statistics_publication where month = ?",
					last.toString())).isEqualTo(1);
		}
	}

}
