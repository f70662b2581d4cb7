package org.bawaba.eservices;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestInstances;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two instances of the service on one database of their own, started once for the test classes that show a
 * job runs once however many instances run it. Their relays are off, so what the jobs publish stays in the
 * outbox to be counted; their schedules are an hour apart, so the tests decide when the jobs run.
 */
public final class TwoInstances {

	public static final String DATABASE = TestDatabase.fresh("bawaba_eservices_two_instances_test");

	/**
	 * A broker of their own: in the shared broker they would join the service's consumer group and take the
	 * events meant for the other integration tests' instance.
	 */
	private static EmbeddedKafkaKraftBroker kafka;

	private static TestInstances instances;

	private TwoInstances() {
	}

	public static synchronized TestInstances started() {
		if (instances == null) {
			kafka = TestKafka.start();
			instances = TestInstances.start(EservicesApplication.class, 2, "--spring.datasource.url=" + DATABASE,
					"--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
					"--bawaba.security.issuer-uri=" + TestTokens.issuer(),
					"--eservices.documents.directory=" + EservicesIT.DOCUMENTS, "--eservices.payments.provider=http",
					"--eservices.payments.base-url=" + TestPaymentProvider.baseUrl(),
					"--eservices.payments.callback-secret=" + TestPaymentProvider.SECRET,
					"--bawaba.events.outbox.enabled=false", "--eservices.steps.overdue-check=1h",
					"--eservices.tell-us-once.check-interval=PT1H");
			TestInstances started = instances;
			EmbeddedKafkaKraftBroker broker = kafka;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				broker.destroy();
			}));
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
