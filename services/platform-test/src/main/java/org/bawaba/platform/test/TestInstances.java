package org.bawaba.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances of a service in the test JVM, against one database and one broker, as a scaled-out
 * installation runs it: each one is a whole application context on a port of its own.
 */
public final class TestInstances implements AutoCloseable {

	private final List<ConfigurableApplicationContext> instances;

	private TestInstances(List<ConfigurableApplicationContext> instances) {
		this.instances = instances;
	}

	/**
	 * Starts {@code count} instances of {@code application}, one after the other, each with {@code arguments}
	 * (command-line arguments, so above the service's and the platform's defaults) and a random port.
	 */
	public static TestInstances start(Class<?> application, int count, String... arguments) {
		return start(new Class<?>[] { application }, count, arguments);
	}

	/**
	 * Starts {@code count} instances of {@code application} on {@code database} and a broker of their own, with
	 * the test issuer's tokens and their outbox relays off (what their jobs publish stays in the outbox to be
	 * counted), plus {@code arguments}; both are closed when the JVM ends. A broker of their own: on the
	 * module's shared one they would join the service's consumer group and take the events meant for the other
	 * integration tests' instance.
	 */
	public static TestInstances onOwnBroker(Class<?> application, int count, String database, String... arguments) {
		var kafka = TestKafka.start();
		String[] args = Stream.concat(Stream.of("--spring.datasource.url=" + database,
				"--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
				"--bawaba.security.issuer-uri=" + TestTokens.issuer(), "--bawaba.events.outbox.enabled=false"),
				Stream.of(arguments)).toArray(String[]::new);
		TestInstances instances = start(application, count, args);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			instances.close();
			kafka.destroy();
		}));
		return instances;
	}

	/** As {@link #start(Class, int, String...)}, from several sources (the application and test configuration). */
	public static TestInstances start(Class<?>[] sources, int count, String... arguments) {
		String[] args = Stream.concat(Stream.of("--server.port=0", "--eureka.client.enabled=false"),
				Stream.of(arguments)).toArray(String[]::new);
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			started.add(new SpringApplicationBuilder(sources).run(args));
		}
		return new TestInstances(List.copyOf(started));
	}

	public List<ConfigurableApplicationContext> all() {
		return instances;
	}

	/** The bean of {@code type} of every instance, in order. */
	public <T> List<T> beans(Class<T> type) {
		return instances.stream().map(instance -> instance.getBean(type)).toList();
	}

	/**
	 * Runs {@code job} on every instance at the same moment (one thread each, released together) and returns
	 * what each returned, in order; waits two minutes at most.
	 */
	public <T> List<T> together(Function<ConfigurableApplicationContext, T> job) {
		return atOnce(instances.stream().<Supplier<T>>map(instance -> () -> job.apply(instance)).toList());
	}

	/** Runs each of {@code jobs} at the same moment, one thread each, and returns their results in order. */
	public static <T> List<T> atOnce(List<Supplier<T>> jobs) {
		CountDownLatch go = new CountDownLatch(1);
		// a thread per job: the common pool may have one thread only (on two cores), which would run them in turn
		ExecutorService threads = Executors.newFixedThreadPool(jobs.size());
		List<CompletableFuture<T>> runs = jobs.stream().map(job -> CompletableFuture.supplyAsync(() -> {
			try {
				go.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return job.get();
		}, threads)).toList();
		go.countDown();
		try {
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new IllegalStateException("a run failed or did not end", ex);
		}
		finally {
			threads.shutdownNow();
		}
		return runs.stream().map(CompletableFuture::join).toList();
	}

	@Override
	public void close() {
		instances.reversed().forEach(ConfigurableApplicationContext::close);
	}

}
