package org.bawaba.platform.events.inbox;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.events.EventsProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

/**
 * Finds {@link InboxListener} methods and runs one listener container per topic and consumer group, with
 * retries with back-off and a dead-letter topic {@code <topic>.dlt}. A per-agency topic
 * ({@code bawaba.agency.{agency}.<kind>}) is subscribed by its pattern: every agency's topic of that kind,
 * including those of agencies onboarded later, with one dead-letter topic {@code bawaba.agency.<kind>.dlt}.
 */
class InboxContainers implements BeanPostProcessor, SmartLifecycle, ApplicationContextAware {

	private final Map<List<String>, List<InboxDispatcher.Handler>> handlers = new LinkedHashMap<>();

	private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

	private final Map<List<String>, Integer> concurrency = new LinkedHashMap<>();

	private final Dependencies dependencies;

	private ApplicationContext context;

	private volatile boolean running;

	InboxContainers(Dependencies dependencies) {
		this.dependencies = dependencies;
	}

	/** What the containers need, resolved lazily so that this post-processor can be created early. */
	interface Dependencies {

		ConsumerFactory<String, byte[]> consumers();

		KafkaTemplate<String, byte[]> deadLetters();

		JdbcClient jdbc();

		TransactionTemplate transactions();

		JsonMapper json();

		EventsProperties.Inbox properties();

		String defaultGroup();

	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> type = AopUtils.getTargetClass(bean);
		ReflectionUtils.doWithMethods(type, method -> register(bean, method),
				method -> AnnotatedElementUtils.hasAnnotation(method, InboxListener.class));
		return bean;
	}

	private void register(Object bean, Method method) {
		InboxListener listener = AnnotatedElementUtils.findMergedAnnotation(method, InboxListener.class);
		List<String> key = List.of(listener.topic(), listener.group());
		handlers.computeIfAbsent(key, k -> new ArrayList<>()).add(InboxDispatcher.Handler.of(bean, method));
		concurrency.merge(key, listener.concurrency(), Math::max);
	}

	@Override
	public void start() {
		if (handlers.isEmpty()) {
			running = true;
			return;
		}
		EventsProperties.Inbox properties = dependencies.properties();
		for (Map.Entry<List<String>, List<InboxDispatcher.Handler>> entry : handlers.entrySet()) {
			String topic = entry.getKey().get(0);
			String group = entry.getKey().get(1).isBlank() ? dependencies.defaultGroup() : entry.getKey().get(1);
			ContainerProperties containerProperties = Topics.perAgency(topic)
					? new ContainerProperties(Topics.pattern(topic)) : new ContainerProperties(topic);
			if (Topics.perAgency(topic)) {
				Properties discovery = new Properties();
				discovery.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG,
						String.valueOf(properties.topicDiscovery().toMillis()));
				containerProperties.setKafkaConsumerProperties(discovery);
			}
			containerProperties.setGroupId(group);
			containerProperties.setObservationEnabled(true);
			containerProperties.setAuthExceptionRetryInterval(properties.authRetry());
			containerProperties.setMessageListener(new InboxDispatcher(topic, group, entry.getValue(), dependencies.jdbc(),
					dependencies.transactions(), dependencies.json()));
			ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
					dependencies.consumers(), containerProperties);
			container.setConcurrency(concurrency.get(entry.getKey()));
			container.setBeanName("bawaba-inbox-" + topic + "-" + group);
			container.setApplicationContext(context);
			container.setCommonErrorHandler(errorHandler(properties));
			container.start();
			containers.add(container);
		}
		running = true;
	}

	private DefaultErrorHandler errorHandler(EventsProperties.Inbox properties) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(dependencies.deadLetters(),
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(
				Math.max(0, properties.attempts() - 1));
		backOff.setInitialInterval(properties.initialBackoff().toMillis());
		backOff.setMultiplier(properties.multiplier());
		backOff.setMaxInterval(properties.maxBackoff().toMillis());
		DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, backOff);
		errorHandler.addNotRetryableExceptions(PoisonEventException.class);
		return errorHandler;
	}

	@Override
	public void stop() {
		containers.forEach(ConcurrentMessageListenerContainer::stop);
		containers.clear();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
