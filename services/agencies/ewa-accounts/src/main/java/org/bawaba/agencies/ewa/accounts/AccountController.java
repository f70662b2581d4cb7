package org.bawaba.agencies.ewa.accounts;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens read their own accounts; the authority's staff and its own systems (its service client, role
 * {@code agency-service} with the authority's {@code agency} claim) open them.
 */
@RestController
class AccountController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final String agency;

	private final Clock clock;

	AccountController(AccountRepository accounts, @Value("${bawaba.agency}") String agency,
			ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.agency = agency;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/accounts")
	List<Account> mine(Caller caller) {
		return accounts.ofCitizen(caller.subject());
	}

	@GetMapping("/accounts/{id}")
	Account get(@PathVariable UUID id, Caller caller) {
		Account account = accounts.find(id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "account-not-found", id));
		// another person's account is not found, rather than forbidden: its existence is private too
		if (!isAuthority(caller) && !caller.subject().equals(account.citizen())) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "account-not-found", id);
		}
		return account;
	}

	@PostMapping("/accounts")
	ResponseEntity<Account> open(@Valid @RequestBody AccountRequest request, Caller caller) {
		if (!isAuthority(caller)) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-other-agency");
		}
		Instant now = clock.instant();
		Account account;
		do {
			account = new Account(UUID.randomUUID(), request.citizen(), "EWA" + (1_000_000_000L
					+ RANDOM.nextLong(9_000_000_000L)), request.type(), request.address(), null, now, now);
		}
		while (!accounts.insert(account));
		return ResponseEntity.created(URI.create("/accounts/" + account.id())).body(account);
	}

	/** The authority's staff, or one of its own systems. */
	private boolean isAuthority(Caller caller) {
		return agency.equals(caller.agency()) && (caller.isAgencyStaff() || caller.hasRole("agency-service"));
	}

}
