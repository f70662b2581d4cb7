package org.bawaba.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void twoInstances() {
		first = start("first");
		second = start("second");
		TestDatabase.execute(DATABASE, "create table job_run (id bigserial primary key, instance text not null)");
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	static ConfigurableApplicationContext start(String instance) {
		// arguments, as an installation's environment would be: above the platform's defaults
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.run("--spring.application.name=job-lock-test", "--spring.datasource.url=" + DATABASE,
					"--spring.kafka.bootstrap-servers=" + TestKafka.bootstrap(), "--eureka.client.enabled=false",
					"--bawaba.events.outbox.enabled=false", "--test.instance=" + instance);
	}

	@Test
	void aLockedJobStartedOnBothInstancesAtOnceRunsOnOneAndItsLockStaysForLockAtLeastFor() throws Exception {
		assertThat(first.getBeanProvider(LockProvider.class).getIfAvailable()).isNotNull();
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Void>> runs = List.of(first, second).stream()
			.map(context -> CompletableFuture.runAsync(() -> {
				await(go);
				context.getBean(Job.class).run();
			}))
			.toList();
		go.countDown();
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

		assertThat(TestDatabase.count(DATABASE, "select count(*) from job_run")).isEqualTo(1);
		assertThat(TestDatabase.count(DATABASE, """
				select count(*) from bawaba_shedlock where name = 'job-lock-test.job'
				  and lock_until > timezone('utc', now()) + interval '30 seconds'""")).isEqualTo(1);

		first.getBean(Job.class).run();
		second.getBean(Job.class).run();
		assertThat(TestDatabase.count(DATABASE, "select count(*) from job_run")).as("again within lockAtLeastFor")
			.isEqualTo(1);
	}

	private static void await(CountDownLatch go) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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

		private final String instance;

		Job(JdbcClient db, org.springframework.core.env.Environment environment) {
			this.db = db;
			this.instance = environment.getRequiredProperty("test.instance");
		}

		@SchedulerLock(name = "job-lock-test.job", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
		public void run() {
			db.sql("insert into job_run (instance) values (?)").param(instance).update();
		}

	}

}
