package org.bawaba.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestInstances;
import org.bawaba.platform.test.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;

/**
 * Two instances of a service against one database: a job under {@code @SchedulerLock} runs on one of them
 * when both start it at once, and its lock row is in {@code bawaba_shedlock} until {@code lockAtLeastFor}.
 */
class JobLockIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_job_lock_test");

	static TestInstances instances;

	@BeforeAll
	static void twoInstances() {
		instances = TestInstances.start(App.class, 2, "--spring.application.name=job-lock-test",
				"--spring.datasource.url=" + DATABASE, "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrap(),
				"--bawaba.events.outbox.enabled=false");
		TestDatabase.execute(DATABASE, "create table job_run (id bigserial primary key)");
	}

	@AfterAll
	static void stop() {
		instances.close();
	}

	@Test
	void aLockedJobStartedOnBothInstancesAtOnceRunsOnOneAndItsLockStaysForLockAtLeastFor() {
		assertThat(instances.beans(LockProvider.class)).hasSize(2);

		instances.together(instance -> {
			instance.getBean(Job.class).run();
			return null;
		});

		assertThat(TestDatabase.count(DATABASE, "select count(*) from job_run")).isEqualTo(1);
		assertThat(TestDatabase.count(DATABASE, """
				select count(*) from bawaba_shedlock where name = 'job-lock-test.job'
				  and lock_until > timezone('utc', now()) + interval '30 seconds'""")).isEqualTo(1);

		instances.beans(Job.class).forEach(Job::run);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from job_run")).as("again within lockAtLeastFor")
			.isEqualTo(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableScheduling
	@Import(Job.class)
	static class App {

	}

	@Component
	public static class Job {

		private final JdbcClient db;

		Job(JdbcClient db) {
			this.db = db;
		}

		@SchedulerLock(name = "job-lock-test.job", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
		public void run() {
			db.sql("insert into job_run default values").update();
		}

	}

}
