package org.bawaba.platform.events;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the platform's tables ({@code classpath:db/platform}) in the service's database at start-up,
 * with their own history table so the service's {@code db/migration} versions are free.
 */
public class PlatformSchema implements InitializingBean {

	public static final String LOCATION = "classpath:db/platform";

	public static final String HISTORY_TABLE = "bawaba_platform_schema_history";

	private final DataSource dataSource;

	public PlatformSchema(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() {
		Flyway.configure()
			.dataSource(dataSource)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
