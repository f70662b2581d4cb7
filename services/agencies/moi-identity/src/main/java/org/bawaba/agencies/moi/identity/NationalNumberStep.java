package org.bawaba.agencies.moi.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.steps.StepHandler;
import org.bawaba.platform.steps.StepOutcome;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ministry's step of the newborn service ({@code national-number}): registers the child's national
 * number, once per application, and reports the registration's reference (never the number). The parent
 * reads the numbers with {@code GET /national-numbers}.
 */
@RestController
class NationalNumberStep implements StepHandler {

	private final JdbcClient db;

	private final Clock clock;

	NationalNumberStep(JdbcClient db, ObjectProvider<Clock> clock) {
		this.db = db;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Set<String> steps() {
		return Set.of("national-number");
	}

	@Override
	public StepOutcome handle(StepRequestedV1 request) {
		Instant now = clock.instant();
		long sequence = db.sql("select nextval('national_number_seq')").query(Long.class).single();
		int year = Year.now(clock.withZone(ZoneOffset.UTC)).getValue();
		// 3 + two-digit year + 8 digits: the national-number shape of children born this year
		String number = "3%02d%08d".formatted(year % 100, sequence);
		String reference = "MOI-NN-%d-%06d".formatted(year, sequence);
		db.sql("""
				insert into national_number (id, application_id, parent, number, reference, registered_at)
				values (?, ?, ?, ?, ?, ?) on conflict (application_id) do nothing""")
			.params(UUID.randomUUID(), request.applicationId(), request.citizenSubject(), number, reference,
					java.sql.Timestamp.from(now))
			.update();
		// a repeated request for the same application gets the first registration's reference
		return StepOutcome.completed(db.sql("select reference from national_number where application_id = ?")
			.param(request.applicationId())
			.query(String.class)
			.single());
	}

	@GetMapping("/national-numbers")
	List<NationalNumber> mine(Caller caller) {
		return db.sql("select * from national_number where parent = ? order by registered_at")
			.param(caller.subject())
			.query((rs, n) -> new NationalNumber(rs.getObject("id", UUID.class),
					rs.getObject("application_id", UUID.class), rs.getString("parent"), rs.getString("number"),
					rs.getString("reference"), rs.getTimestamp("registered_at").toInstant()))
			.list();
	}

}
