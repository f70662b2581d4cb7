package org.bawaba.procurement.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail of sealed material and decisions (table {@code audit_log}), written in the caller's transaction. */
@Component
public class AuditLog {

	/** The actor of what the service does by itself (the opening job). */
	public static final String SYSTEM = "system:opening-job";

	private final JdbcClient db;

	private final Clock clock;

	AuditLog(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	public void record(String actor, String action, @Nullable UUID tenderId, @Nullable String detail) {
		db.sql("insert into audit_log (at, actor, action, tender_id, detail) values (?, ?, ?, ?, ?)")
			.params(Timestamp.from(Times.now(clock)), actor, action, tenderId, detail)
			.update();
	}

}
