package io.nextorm.sample;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's endpoints on MariaDB, with the profile {@code mariadb} (its driver and settings) and the
 * URL of {@code -Dnextorm.test.mariadb.url}; skipped when MariaDB is not reachable.
 */
@ActiveProfiles("mariadb")
@OnDatabase(SampleDatabase.MARIADB)
class MariaDbLibraryApiTest extends LibraryApiTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", SampleDatabase.MARIADB::url);
    }
}
