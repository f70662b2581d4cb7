package org.bawaba.platform.steps;

import java.time.Clock;

import org.bawaba.platform.events.EventsAutoConfiguration;
import org.bawaba.platform.events.outbox.EventPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Steps of integrated applications, for an agency's service ({@code bawaba.agency} set) that has at least
 * one {@link StepHandler}: a listener on {@code bawaba.eservices.steps} and {@link StepResults}.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class)
@ConditionalOnBean({ StepHandler.class, EventPublisher.class })
@ConditionalOnProperty("bawaba.agency")
public class StepsAutoConfiguration {

	@Bean
	StepResults bawabaStepResults(EventPublisher events, @Value("${bawaba.agency}") String agency,
			ObjectProvider<Clock> clock) {
		return new StepResults(events, agency, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	StepDispatcher bawabaStepDispatcher(ObjectProvider<StepHandler> handlers, StepResults results) {
		return new StepDispatcher(handlers.orderedStream().toList(), results);
	}

}
