package org.bawaba.platform.sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationSubmittedV1;
import org.bawaba.platform.events.inbox.InboxListener;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.*;

/** A whole Bawaba service on the starter: only its domain is its own code. */
@SpringBootApplication
@RestController
public class SampleService {

	record Submit(@NotBlank String serviceCode, @NotBlank String agency) {
	}

	private final JdbcClient db;

	private final EventPublisher events;

	SampleService(JdbcClient db, EventPublisher events) {
		this.db = db;
		this.events = events;
	}

	@PostMapping("/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Map<String, UUID> submit(@Valid @RequestBody Submit submit, Caller caller) {
		caller.requireRole(Roles.CITIZEN);
		UUID id = UUID.randomUUID();
		db.sql("insert into application (id, owner, service_code, agency) values (?, ?, ?, ?)")
			.params(id, caller.subject(), submit.serviceCode(), submit.agency()).update();
		events.publish(new ApplicationSubmittedV1(id, submit.serviceCode(), submit.agency(), caller.subject(), Instant.now()));
		return Map.of("id", id);
	}

	@GetMapping("/applications")
	List<Map<String, Object>> mine(@RequestParam String serviceCode, Caller caller) {
		return db.sql("select * from application where owner = ? and service_code = ?")
			.params(caller.subject(), serviceCode).query().listOfRows();
	}

	@GetMapping("/applications/{id}")
	Map<String, Object> get(@PathVariable UUID id, Caller caller) {
		Map<String, Object> application = db.sql("select * from application where id = ?").param(id).query().listOfRows()
			.stream().findFirst().orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found"));
		caller.requireOwner((String) application.get("owner"));
		return application;
	}

	@InboxListener(topic = Topics.ESERVICES_APPLICATIONS)
	void acknowledge(ApplicationSubmittedV1 submitted) {
		db.sql("update application set acknowledged = true where id = ?").param(submitted.applicationId()).update();
	}

}
