package org.bawaba.eservices;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestInstances;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the service on one database of their own, started once for the test classes that show a
 * job runs once however many instances run it. Their relays are off, so what the jobs publish stays in the
 * outbox to be counted; their schedules are an hour apart, so the tests decide when the jobs run.
 */
public final class TwoInstances {

	public static final String DATABASE = TestDatabase.fresh("bawaba_eservices_two_instances_test");

	private static TestInstances instances;

	private TwoInstances() {
	}

	public static synchronized TestInstances started() {
		if (instances == null) {
			instances = TestInstances.onOwnBroker(EservicesApplication.class, 2, DATABASE,
					"--eservices.documents.directory=" + EservicesIT.DOCUMENTS, "--eservices.payments.provider=http",
					"--eservices.payments.base-url=" + TestPaymentProvider.baseUrl(),
					"--eservices.payments.callback-secret=" + TestPaymentProvider.SECRET,
					"--eservices.steps.overdue-check=1h", "--eservices.tell-us-once.check-interval=PT1H");
		}
		return instances;
	}

	/** SQL on the instances' database. */
	public static JdbcClient db() {
		return started().all().getFirst().getBean(JdbcClient.class);
	}

	public static long count(String sql, Object... args) {
		return TestDatabase.count(DATABASE, sql, args);
	}

	/** Events of {@code type} with {@code key} written to the outbox (by either instance). */
	public static long published(String type, String key) {
		return count("select count(*) from bawaba_outbox where event_type = ? and event_key = ?", type, key);
	}

}
