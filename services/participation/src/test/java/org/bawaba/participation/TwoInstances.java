package org.bawaba.participation;

import java.nio.file.Path;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestInstances;

/**
 * Two instances of the service on one database of their own, started once for the test classes that show a
 * job runs once however many instances run it. Their relays are off, so what the jobs publish stays in the
 * outbox to be counted; their schedules are an hour apart, so the tests decide when the jobs run.
 */
public final class TwoInstances {

	public static final String DATABASE = TestDatabase.fresh("bawaba_participation_two_instances_test");

	private static TestInstances instances;

	private TwoInstances() {
	}

	public static synchronized TestInstances started() {
		if (instances == null) {
			instances = TestInstances.onOwnBroker(ParticipationApplication.class, 2, DATABASE,
					"--participation.complaints.attachments.directory="
							+ Path.of("target", "test-attachments").toAbsolutePath(),
					"--participation.polls.scheduler-interval=1h", "--participation.complaints.sla-check-interval=1h");
		}
		return instances;
	}

	public static long count(String sql, Object... args) {
		return TestDatabase.count(DATABASE, sql, args);
	}

	/** Events of {@code type} with {@code key} written to the outbox (by either instance). */
	public static long published(String type, String key) {
		return count("select count(*) from bawaba_outbox where event_type = ? and event_key = ?", type, key);
	}

	public static void execute(String sql) {
		TestDatabase.execute(DATABASE, sql);
	}

}
