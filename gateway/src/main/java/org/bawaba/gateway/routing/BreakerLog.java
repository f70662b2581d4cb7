package org.bawaba.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What each service's circuit breaker does, in the gateway's log: every failure it counts (with what failed and
 * after how long) and every change of state with the rates that caused it. A breaker that opens answers 503 for
 * its service for the open period; this is how an operator learns why.
 */
@Component
class BreakerLog {

	private static final Logger log = LoggerFactory.getLogger(BreakerLog.class);

	BreakerLog(CircuitBreakerRegistry breakers) {
		breakers.getAllCircuitBreakers().forEach(BreakerLog::watch);
		breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
	}

	private static void watch(CircuitBreaker breaker) {
		breaker.getEventPublisher()
			.onError(failure -> log.info("breaker of {} counted a failure after {} ms: {}", breaker.getName(),
					failure.getElapsedDuration().toMillis(), failure.getThrowable().toString()))
			.onStateTransition(transition -> {
				CircuitBreaker.Metrics metrics = breaker.getMetrics();
				log.warn("breaker of {}: {} (failure rate {} %, slow-call rate {} %, {} of the last {} calls failed)",
						breaker.getName(), transition.getStateTransition(), metrics.getFailureRate(),
						metrics.getSlowCallRate(), metrics.getNumberOfFailedCalls(), metrics.getNumberOfBufferedCalls());
			});
	}

}
