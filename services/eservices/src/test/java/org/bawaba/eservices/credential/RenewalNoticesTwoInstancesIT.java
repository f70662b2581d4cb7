package org.bawaba.eservices.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.bawaba.contracts.eservices.CredentialExpiringV1;
import org.bawaba.eservices.TwoInstances;
import org.bawaba.platform.test.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * The daily renewal notices with two instances running the job at the same moment: a credential about to
 * expire gets one notice. No job lock: its {@code credential_notice} row (primary key) is claimed in the
 * transaction of its event, so the other instance waits for it and skips the credential.
 */
class RenewalNoticesTwoInstancesIT {

	@Test
	void aCredentialAboutToExpireIsNoticedOnceWhenBothInstancesRunTheJobAtOnce() {
		TestInstances instances = TwoInstances.started();
		UUID credential = UUID.randomUUID();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Qatar"));
		TwoInstances.db().sql("""
				insert into credential (id, agency, holder_subject, type, issued_on, expires_on, issued_at)
				values (?, 'moi', 'two-instances-holder', 'ID_CARD', ?, ?, now())""")
			.params(credential, Date.valueOf(today.minusYears(5)), Date.valueOf(today.plusDays(30)))
			.update();

		for (int run = 0; run < 2; run++) {
			instances.together(instance -> {
				instance.getBean(RenewalNotices.class).daily();
				return null;
			});
			assertThat(TwoInstances.published(CredentialExpiringV1.TYPE, credential.toString())).isEqualTo(1);
			assertThat(TwoInstances.count("select count(*) from credential_notice where credential_id = ?", credential))
				.isEqualTo(1);
		}
	}

}
