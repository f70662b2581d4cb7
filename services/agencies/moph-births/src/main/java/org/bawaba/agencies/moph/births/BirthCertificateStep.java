package org.bawaba.agencies.moph.births;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.platform.steps.StepHandler;
import org.bawaba.platform.steps.StepOutcome;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The ministry's step of the newborn service ({@code birth-certificate}): registers the birth and issues
 * the certificate, once per application, and reports its reference.
 */
@Component
class BirthCertificateStep implements StepHandler {

	private final BirthCertificateRepository certificates;

	private final Clock clock;

	BirthCertificateStep(BirthCertificateRepository certificates, ObjectProvider<Clock> clock) {
		this.certificates = certificates;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Set<String> steps() {
		return Set.of("birth-certificate");
	}

	@Override
	public StepOutcome handle(StepRequestedV1 request) {
		Instant now = clock.instant();
		long sequence = certificates.nextNumber();
		String reference = "MOPH-BC-%d-%06d".formatted(Year.now(clock.withZone(ZoneOffset.UTC)).getValue(), sequence);
		certificates.insertOnce(new BirthCertificate(UUID.randomUUID(), request.applicationId(),
				request.citizenSubject(), reference, now));
		// a repeated request for the same application gets the certificate issued the first time
		return StepOutcome.completed(certificates.ofApplication(request.applicationId()).orElseThrow().reference());
	}

}
