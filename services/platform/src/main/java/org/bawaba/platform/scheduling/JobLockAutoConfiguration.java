package org.bawaba.platform.scheduling;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Jobs that must run once however many instances run: with a DataSource and {@code @EnableScheduling}, a
 * {@code @SchedulerLock(name = "<service>.<job>")} on a public method of a bean makes the instances share one
 * lock row per name in the service's database ({@code bawaba_shedlock}, migrated with the platform's
 * tables); the instance that gets the row runs the job, the others skip that run. Times are the
 * database's, so the instances' clocks need not agree.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(value = DataSource.class, name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)
@EnableSchedulerLock(defaultLockAtMostFor = JobLockAutoConfiguration.DEFAULT_LOCK_AT_MOST_FOR)
public class JobLockAutoConfiguration {

	/** The table of the lock rows. */
	public static final String TABLE = "bawaba_shedlock";

	/** How long a lock outlives an instance that died holding it, unless the job says otherwise. */
	public static final String DEFAULT_LOCK_AT_MOST_FOR = "PT10M";

	@Bean
	@ConditionalOnMissingBean(LockProvider.class)
	LockProvider bawabaJobLocks(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName(TABLE)
			.usingDbTime()
			.build());
	}

}
