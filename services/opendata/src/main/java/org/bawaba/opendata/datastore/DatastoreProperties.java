package org.bawaba.opendata.datastore;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opendata.datastore.*}.
 *
 * @param versionsKept tables kept per resource (the current one and earlier ones); older tables are dropped
 * @param indexedColumns the first this many columns get an index for {@code filters}
 * @param exactTotalLimit {@code datastore_search} counts matching rows exactly up to this many, then estimates
 * @param maxLimit the largest {@code limit} of {@code datastore_search} (CKAN's default is 32000)
 * @param uploadDirectory where uploads are streamed before loading (deleted afterwards)
 * @param maintenanceWorkMem PostgreSQL's {@code maintenance_work_mem} while a load builds its indexes
 */
@ConfigurationProperties("opendata.datastore")
record DatastoreProperties(@DefaultValue("3") int versionsKept, @DefaultValue("10") int indexedColumns,
		@DefaultValue("100000") long exactTotalLimit, @DefaultValue("32000") int maxLimit, Path uploadDirectory,
		@DefaultValue("256MB") String maintenanceWorkMem) {
}
