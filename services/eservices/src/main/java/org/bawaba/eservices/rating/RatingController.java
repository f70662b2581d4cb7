package org.bawaba.eservices.rating;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.eservices.ApplicationRatedV1;
import org.bawaba.eservices.application.Application;
import org.bawaba.eservices.application.ApplicationService;
import org.bawaba.eservices.application.ApplicationStatus;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Ratings", description = "Citizens rate a service once their application is completed")
class RatingController {

	private final ApplicationService applications;

	private final JdbcClient db;

	private final EventPublisher events;

	RatingController(ApplicationService applications, JdbcClient db, EventPublisher events) {
		this.applications = applications;
		this.db = db;
		this.events = events;
	}

	/**
	 * A rating.
	 * @param score 1 (very unsatisfied) to 5 (very satisfied)
	 * @param comment what the citizen wants to say; it stays in the service
	 */
	record Rating(@NotNull @Min(1) @Max(5) Integer score, @Nullable @Size(max = 1000) String comment) {
	}

	@PostMapping("/applications/{id}/rating")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	@Operation(summary = "Rate the service of a completed application, once (its applicant); published for the statistics")
	Rating rate(@PathVariable UUID id, @Valid @RequestBody Rating rating, Caller caller) {
		Application application = applications.forCitizen(caller, id);
		if (application.status() != ApplicationStatus.COMPLETED) {
			throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", application.status(), "rate");
		}
		Instant now = Instant.now();
		boolean hasComment = rating.comment() != null && !rating.comment().isBlank();
		try {
			db.sql("""
					insert into rating (application_id, service_code, agency, score, comment, rated_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, application.serviceCode(), application.agency(), rating.score(),
						hasComment ? rating.comment() : null, java.sql.Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ProblemException(HttpStatus.CONFLICT, "already-rated");
		}
		events.publish(new ApplicationRatedV1(id, application.serviceCode(), application.agency(), rating.score(),
				hasComment, now));
		return rating;
	}

}
