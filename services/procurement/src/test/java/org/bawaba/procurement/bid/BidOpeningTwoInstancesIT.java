package org.bawaba.procurement.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.procurement.BidsOpenedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestInstances;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.bawaba.procurement.MutableClock;
import org.bawaba.procurement.ProcurementApplication;
import org.bawaba.procurement.ProcurementIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The opening with two instances: the tests' instance and a second one on the same database, broker and data
 * directory, both past the opening time and both running the opening job at the same moment (the tests'
 * instance's own schedule runs too). The tender is opened once: one key release, one opening in the audit
 * log. No job lock: the tender's row is locked for the opening ({@code for update skip locked}) while it is
 * still PUBLISHED.
 */
class BidOpeningTwoInstancesIT extends ProcurementIT {

	static TestInstances second;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void secondInstance() {
		second = TestInstances.start(new Class<?>[] { ProcurementApplication.class, SecondClock.class }, 1,
				"--spring.datasource.url=" + DATABASE, "--spring.kafka.bootstrap-servers=" + KAFKA,
				"--bawaba.security.issuer-uri=" + TestTokens.issuer(), "--procurement.data-directory=" + DATA,
				"--procurement.opening.poll-interval=1h");
	}

	@AfterAll
	static void stopSecondInstance() {
		second.close();
	}

	/** The second instance's clock (not annotated: the tests' own context must not pick it up). */
	static class SecondClock {

		@Bean
		@Primary
		MutableClock secondClock() {
			return new MutableClock();
		}

	}

	@Test
	void aTenderIsOpenedOnceWhenBothInstancesRunTheOpeningAtOnce() {
		String alpha = registeredSupplier("Alpha");
		String beta = registeredSupplier("Beta");
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		ok(post("/tenders/" + id + "/bids", bid("900000"), alpha), 201);
		ok(post("/tenders/" + id + "/bids", bid("950000"), beta), 201);
		Instant opening = Instant.parse(tender.get("openingTime").asString());
		second.beans(MutableClock.class).getFirst().set(opening);
		clock.set(opening);

		List<Supplier<Void>> both = List.of(context.getBean(BidOpening.class), second.beans(BidOpening.class).getFirst())
			.stream()
			.<Supplier<Void>>map(instance -> () -> {
				instance.openDue();
				return null;
			})
			.toList();
		for (int run = 0; run < 2; run++) {
			TestInstances.atOnce(both);
			assertThat(json(get("/tenders/" + id, null)).get("status").asString()).isEqualTo("OPENED");
			assertThat(TestDatabase.count(DATABASE,
					"select count(*) from audit_log where tender_id = ?::uuid and action = 'opening-key-released'", id))
				.isEqualTo(1);
			assertThat(TestDatabase.count(DATABASE,
					"select count(*) from audit_log where tender_id = ?::uuid and action = 'bids-opened'", id))
				.isEqualTo(1);
		}
		assertThat(TestKafka.events(KAFKA, Topics.PROCUREMENT_TENDERS, id,
				events -> events.stream().anyMatch(e -> e.getType().equals(BidsOpenedV1.TYPE))))
			.filteredOn(e -> e.getType().equals(BidsOpenedV1.TYPE))
			.hasSize(1);
	}

}
