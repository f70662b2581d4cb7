package org.bawaba.participation;

import java.nio.file.Path;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestInstances;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two instances of the service on one database of their own, started once for the test classes that show a
 * job runs once however many instances run it. Their relays are off, so what the jobs publish stays in the
 * outbox to be counted; their schedules are an hour apart, so the tests decide when the jobs run.
 */
public final class TwoInstances {

	public static final String DATABASE = TestDatabase.fresh("bawaba_participation_two_instances_test");

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
			instances = TestInstances.start(ParticipationApplication.class, 2, "--spring.datasource.url=" + DATABASE,
					"--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
					"--bawaba.security.issuer-uri=" + TestTokens.issuer(),
					"--participation.complaints.attachments.directory="
							+ Path.of("target", "test-attachments").toAbsolutePath(),
					"--bawaba.events.outbox.enabled=false", "--participation.polls.scheduler-interval=1h",
					"--participation.complaints.sla-check-interval=1h");
			TestInstances started = instances;
			EmbeddedKafkaKraftBroker broker = kafka;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				broker.destroy();
			}));
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
