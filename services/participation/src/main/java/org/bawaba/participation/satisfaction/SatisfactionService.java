package org.bawaba.participation.satisfaction;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.participation.SatisfactionPublishedV1;
import org.bawaba.contracts.participation.Text;
import org.bawaba.participation.satisfaction.Satisfaction.Indicator;
import org.bawaba.participation.satisfaction.Satisfaction.Invitation;
import org.bawaba.participation.satisfaction.Satisfaction.NewSurvey;
import org.bawaba.participation.satisfaction.Satisfaction.Survey;
import org.bawaba.participation.satisfaction.Satisfaction.SurveyResults;
import org.bawaba.participation.shared.Callers;
import org.bawaba.participation.shared.Messages;
import org.bawaba.participation.shared.ParticipationProperties;
import org.bawaba.platform.events.inbox.InboxListener;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.ops.SettingException;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction: a short survey after every completed online service (from eservices' completed event), standalone
 * surveys, and the UN E-Government Survey's indicator — the share of citizens satisfied with their last online
 * service — per agency, per service and month, published as events.
 */
@Service
class SatisfactionService {

	private final JdbcClient jdbc;

	private final EventPublisher events;

	private final Messages messages;

	private final ZoneId zone;

	private final Clock clock;

	private final int suppressionThreshold;

	SatisfactionService(JdbcClient jdbc, EventPublisher events, Messages messages, ParticipationProperties properties,
			Clock clock, @Value("${participation.satisfaction.suppression-threshold:5}") int suppressionThreshold) {
		this.jdbc = jdbc;
		this.events = events;
		this.messages = messages;
		this.zone = properties.zone();
		this.clock = clock;
		if (suppressionThreshold < 3) {
			throw new SettingException("participation.satisfaction.suppression-threshold", "is below 3",
					"Results of one or two people are theirs to keep: set it to 3 or more");
		}
		this.suppressionThreshold = suppressionThreshold;
	}

	/** A completed application invites its citizen to the survey (once per application, whatever the redelivery). */
	@InboxListener(topic = Topics.ESERVICES_APPLICATIONS)
	void on(ApplicationCompletedV1 completed) {
		jdbc.sql("""
				insert into satisfaction_invitation (id, application_id, service_code, agency, citizen_sub, completed_at, invited_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (application_id) do nothing""")
			.params(UUID.randomUUID(), completed.applicationId(), completed.serviceCode(), completed.agency(),
					completed.citizenSubject(), ts(completed.completedAt()), ts(now()))
			.update();
	}

	List<Invitation> invitations(Caller caller) {
		Callers.requireCitizen(caller);
		return jdbc.sql("select * from satisfaction_invitation where citizen_sub = ? order by invited_at desc")
			.param(caller.subject())
			.query((rs, n) -> new Invitation(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
					rs.getString("service_code"), rs.getString("agency"), rs.getTimestamp("completed_at").toInstant(),
					rs.getTimestamp("invited_at").toInstant(), (Integer) rs.getObject("score"), rs.getString("comment"),
					rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
			.list();
	}

	@Transactional
	Invitation answer(Caller caller, UUID invitationId, int score, @Nullable String comment) {
		List<Boolean> answered = jdbc.sql("select answered_at is not null from satisfaction_invitation where id = ? and citizen_sub = ? for update")
			.params(invitationId, caller.subject())
			.query(Boolean.class)
			.list();
		if (answered.isEmpty()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "survey-not-found", invitationId);
		}
		if (answered.getFirst()) {
			throw new ProblemException(HttpStatus.CONFLICT, "survey-answered");
		}
		jdbc.sql("update satisfaction_invitation set score = ?, comment = ?, answered_at = ? where id = ?")
			.params(score, comment, ts(now()), invitationId)
			.update();
		return invitations(caller).stream().filter(invitation -> invitation.id().equals(invitationId)).findFirst()
			.orElseThrow();
	}

	/**
	 * The indicator for {@code month}: among the citizens who answered in that month, each counted once by the
	 * answer about their last completed service (within the agency, or within the service), the share of 4-5.
	 */
	List<Indicator> indicators(YearMonth month, @Nullable String agency) {
		Timestamp from = ts(month.atDay(1).atStartOfDay(zone).toInstant());
		Timestamp to = ts(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
		List<Indicator> indicators = new ArrayList<>();
		String base = """
				with answered as (select * from satisfaction_invitation
				  where answered_at >= ? and answered_at < ? and (cast(? as text) is null or agency = ?)),
				last as (select distinct on (agency, %1$s citizen_sub) agency, %2$s as service_code, score
				  from answered order by agency, %1$s citizen_sub, completed_at desc, answered_at desc)
				select agency, service_code, count(*) as responses, count(*) filter (where score >= 4) as satisfied
				from last group by agency, service_code order by agency, service_code""";
		for (boolean perService : new boolean[] { false, true }) {
			String sql = perService ? base.formatted("service_code,", "service_code")
					: base.formatted("", "cast(null as text)");
			jdbc.sql(sql).params(from, to, agency, agency).query((rs, n) -> {
				int responses = rs.getInt("responses");
				int satisfied = rs.getInt("satisfied");
				boolean suppressed = responses < suppressionThreshold;
				indicators.add(new Indicator(month.toString(), rs.getString("agency"), rs.getString("service_code"),
						suppressed ? null : responses, suppressed ? null : satisfied,
						suppressed ? null : (double) satisfied / responses, suppressed));
				return null;
			}).list();
		}
		return indicators;
	}

	/**
	 * Computes the month's indicators, keeps them and publishes each as an event, in one transaction; suppressed
	 * ones (too few responses) are neither kept nor published.
	 */
	@Transactional
	List<Indicator> publish(YearMonth month) {
		List<Indicator> indicators = indicators(month, null).stream().filter(indicator -> !indicator.suppressed())
			.toList();
		Instant now = now();
		for (Indicator indicator : indicators) {
			jdbc.sql("""
					insert into satisfaction_indicator (month, agency, service_code, responses, satisfied, share, published_at)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict (month, agency, service_code) do update set responses = excluded.responses,
					  satisfied = excluded.satisfied, share = excluded.share, published_at = excluded.published_at""")
				.params(indicator.month(), indicator.agency(),
						indicator.serviceCode() == null ? "*" : indicator.serviceCode(), indicator.responses(),
						indicator.satisfied(), indicator.share(), ts(now))
				.update();
			events.publish(new SatisfactionPublishedV1(indicator.month(), indicator.agency(), indicator.serviceCode(),
					indicator.responses(), indicator.satisfied(), indicator.share()));
		}
		return indicators;
	}

	YearMonth lastMonth() {
		return YearMonth.from(clock.instant().atZone(zone)).minusMonths(1);
	}

	YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw messages.invalid("month", "month.invalid");
		}
	}

	@Transactional
	Survey createSurvey(Caller caller, NewSurvey request) {
		String agency = Callers.staffAgency(caller);
		if (!request.closesAt().isAfter(request.opensAt())) {
			throw messages.invalid("closesAt", "consultation.closes-before-opening");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into survey (id, agency, service_code, title_en, title_ar, question_en, question_ar, opens_at, closes_at,
				  created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, agency, request.serviceCode(), request.title().en(), request.title().ar(),
					request.question().en(), request.question().ar(), ts(request.opensAt()), ts(request.closesAt()),
					caller.subject(), ts(now()))
			.update();
		return survey(id);
	}

	Survey survey(UUID id) {
		Instant now = now();
		return jdbc.sql("select * from survey where id = ?").param(id).query((rs, n) -> {
			Instant opensAt = rs.getTimestamp("opens_at").toInstant();
			Instant closesAt = rs.getTimestamp("closes_at").toInstant();
			return new Survey(rs.getObject("id", UUID.class), rs.getString("agency"), rs.getString("service_code"),
					new Text(rs.getString("title_en"), rs.getString("title_ar")),
					new Text(rs.getString("question_en"), rs.getString("question_ar")), opensAt, closesAt,
					now.isBefore(opensAt) ? "UPCOMING" : now.isBefore(closesAt) ? "OPEN" : "CLOSED");
		}).optional().orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "survey-not-found", id));
	}

	List<Survey> surveys(@Nullable String agency) {
		return jdbc.sql("select id from survey where (cast(? as text) is null or agency = ?) order by closes_at desc limit 100")
			.params(agency, agency)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::survey)
			.toList();
	}

	@Transactional
	void respond(Caller caller, UUID surveyId, int score, @Nullable String comment) {
		Callers.requireCitizen(caller);
		if (!"OPEN".equals(survey(surveyId).state())) {
			throw new ProblemException(HttpStatus.CONFLICT, "survey-not-open");
		}
		int inserted = jdbc.sql("""
				insert into survey_response (survey_id, respondent_sub, score, comment, answered_at) values (?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(surveyId, caller.subject(), score, comment, ts(now()))
			.update();
		if (inserted == 0) {
			throw new ProblemException(HttpStatus.CONFLICT, "survey-answered");
		}
	}

	SurveyResults results(UUID surveyId) {
		survey(surveyId);
		Map<Integer, Integer> scores = new LinkedHashMap<>();
		for (int score = 1; score <= 5; score++) {
			scores.put(score, 0);
		}
		jdbc.sql("select score, count(*) as answers from survey_response where survey_id = ? group by score")
			.param(surveyId)
			.query((rs, n) -> scores.put(rs.getInt("score"), rs.getInt("answers")))
			.list();
		int responses = scores.values().stream().mapToInt(Integer::intValue).sum();
		if (responses < suppressionThreshold) {
			return new SurveyResults(surveyId, null, null, null, null, true);
		}
		int sum = scores.entrySet().stream().mapToInt(entry -> entry.getKey() * entry.getValue()).sum();
		int satisfied = scores.get(4) + scores.get(5);
		return new SurveyResults(surveyId, responses, scores, Math.round(sum * 100.0 / responses) / 100.0,
				(double) satisfied / responses, false);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

}
