package org.bawaba.agencies.msd.family;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.steps.StepHandler;
import org.bawaba.platform.steps.StepOutcome;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ministry's step of the newborn service ({@code child-allowance}): grants the allowance, once per
 * application, unless the family was granted one within {@code msd.family.allowance-interval}; then the
 * step fails with the reason in English and Arabic. Parents read theirs with {@code GET /child-allowances}.
 */
@RestController
class ChildAllowanceStep implements StepHandler {

	private static final RowMapper<ChildAllowance> ROW = (rs, n) -> new ChildAllowance(rs.getObject("id", UUID.class),
			rs.getObject("application_id", UUID.class), rs.getString("parent"), rs.getString("reference"),
			rs.getBigDecimal("monthly_amount"), rs.getTimestamp("granted_at").toInstant());

	private final JdbcClient db;

	private final FamilyProperties properties;

	private final Clock clock;

	ChildAllowanceStep(JdbcClient db, FamilyProperties properties, ObjectProvider<Clock> clock) {
		this.db = db;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Set<String> steps() {
		return Set.of("child-allowance");
	}

	@Override
	public StepOutcome handle(StepRequestedV1 request) {
		Optional<ChildAllowance> granted = ofApplication(request.applicationId());
		if (granted.isPresent()) {
			return StepOutcome.completed(granted.get().reference());
		}
		Instant now = clock.instant();
		// one request per family at a time: the parent's rows are locked while the rule is checked
		db.sql("select pg_advisory_xact_lock(hashtext(?))").param(request.citizenSubject()).query().singleRow();
		boolean recent = db.sql("select count(*) from child_allowance where parent = ? and granted_at > ?")
			.params(request.citizenSubject(), Timestamp.from(now.minus(properties.allowanceInterval())))
			.query(Long.class)
			.single() > 0;
		if (recent) {
			return StepOutcome.failed(
					"Your family was granted a child allowance a short time ago. Please visit a social development "
							+ "office with the birth certificates so that we can check the new request.",
					"حصلت أسرتك على علاوة طفل قبل مدة قصيرة. يرجى مراجعة أحد مكاتب التنمية الاجتماعية مع شهادات "
							+ "الميلاد للتحقق من الطلب الجديد.");
		}
		long sequence = db.sql("select nextval('child_allowance_seq')").query(Long.class).single();
		String reference = "MSD-CA-%d-%06d".formatted(Year.now(clock.withZone(ZoneOffset.UTC)).getValue(), sequence);
		db.sql("""
				insert into child_allowance (id, application_id, parent, reference, monthly_amount, granted_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), request.applicationId(), request.citizenSubject(), reference,
					properties.monthlyAmount(), Timestamp.from(now))
			.update();
		return StepOutcome.completed(reference);
	}

	@GetMapping("/child-allowances")
	List<ChildAllowance> mine(Caller caller) {
		return db.sql("select * from child_allowance where parent = ? order by granted_at").param(caller.subject())
			.query(ROW)
			.list();
	}

	private Optional<ChildAllowance> ofApplication(UUID application) {
		return db.sql("select * from child_allowance where application_id = ?").param(application).query(ROW)
			.optional();
	}

}
