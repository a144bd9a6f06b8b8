package io.nextorm.sample;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's endpoints on PostgreSQL, with the profile {@code postgres} (its driver and settings) and the
 * URL of {@code -Dnextorm.test.postgres.url}; skipped when PostgreSQL is not reachable.
 */
@ActiveProfiles("postgres")
@OnDatabase(SampleDatabase.POSTGRES)
class PostgresLibraryApiTest extends LibraryApiTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", SampleDatabase.POSTGRES::url);
    }
}
