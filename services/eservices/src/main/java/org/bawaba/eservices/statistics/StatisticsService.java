package org.bawaba.eservices.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.bawaba.contracts.eservices.ServiceStatisticsPublishedV1;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monthly usage and satisfaction per service, over the API and as events for open data. */
@Service
class StatisticsService {

	private final JdbcClient db;

	private final EventPublisher events;

	private final Clock clock = Clock.systemUTC();

	StatisticsService(JdbcClient db, EventPublisher events) {
		this.db = db;
		this.events = events;
	}

	List<ServiceStatistics> month(YearMonth month, @Nullable String agency, @Nullable String serviceCode) {
		Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		return db.sql("""
				with usage as (
				  select service_code, agency, count(*) as applications,
				    count(*) filter (where completed_at is not null) as completed,
				    percentile_cont(0.5) within group (order by extract(epoch from completed_at - submitted_at) / 3600)
				      filter (where completed_at is not null) as median_hours
				  from application where submitted_at >= :from and submitted_at < :to group by service_code, agency),
				satisfaction as (
				  select service_code, agency, count(*) as ratings, count(*) filter (where score >= 4) as satisfied
				  from rating where rated_at >= :from and rated_at < :to group by service_code, agency)
				select coalesce(u.service_code, s.service_code) as service_code, coalesce(u.agency, s.agency) as agency,
				  coalesce(u.applications, 0) as applications, coalesce(u.completed, 0) as completed,
				  round(u.median_hours) as median_hours, coalesce(s.ratings, 0) as ratings,
				  coalesce(s.satisfied, 0) as satisfied
				from usage u full join satisfaction s on s.service_code = u.service_code
				where (cast(:agency as text) is null or coalesce(u.agency, s.agency) = :agency)
				  and (cast(:service as text) is null or coalesce(u.service_code, s.service_code) = :service)
				order by 1""")
			.param("from", from)
			.param("to", to)
			.param("agency", agency)
			.param("service", serviceCode)
			.query((rs, n) -> {
				int applications = rs.getInt("applications");
				int completed = rs.getInt("completed");
				int ratings = rs.getInt("ratings");
				int satisfied = rs.getInt("satisfied");
				Number median = (Number) rs.getObject("median_hours");
				return new ServiceStatistics(rs.getString("service_code"), rs.getString("agency"), month.toString(),
						applications, completed, applications == 0 ? 0 : (double) completed / applications,
						median == null ? null : median.longValue(), ratings, satisfied,
						ratings == 0 ? null : (double) satisfied / ratings);
			})
			.list();
	}

	/** Publishes the month's statistics of every service with activity; returns how many. */
	@Transactional
	int publish(YearMonth month) {
		List<ServiceStatistics> statistics = month(month, null, null);
		statistics.forEach(s -> events.publish(new ServiceStatisticsPublishedV1(s.serviceCode(), s.agency(),
				s.month(), s.applications(), s.completed(), s.medianProcessingHours(), s.ratings(),
				s.satisfiedRatings())));
		return statistics.size();
	}

	/** On the first of each month, the previous month, once (whichever instance gets there first). */
	// no job lock: the month's row in statistics_publication is claimed in the publishing transaction (on conflict
	// do nothing), so a second instance waits for the first and publishes nothing, or publishes if the first rolled back
	@Scheduled(cron = "${eservices.statistics.cron:0 0 3 1 * *}", zone = "UTC")
	@Transactional
	public void publishLastMonth() {
		YearMonth last = YearMonth.now(clock).minusMonths(1);
		int claimed = db.sql("insert into statistics_publication (month) values (?) on conflict do nothing")
			.param(last.toString())
			.update();
		if (claimed == 1) {
			publish(last);
		}
	}

}
