package io.nextorm.sample;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's endpoints on SQLite, with the profile {@code sqlite} and a fresh database file in the
 * temporary directory.
 */
@ActiveProfiles("sqlite")
class SqliteLibraryApiTest extends LibraryApiTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = System.getProperty("java.io.tmpdir") + "/nextorm-sample-" + ProcessHandle.current().pid() + ".db";
        new java.io.File(file).delete();
        registry.add("spring.r2dbc.url", () -> "r2dbc:sqlite:///" + file.replaceFirst("^/+", ""));
    }
}
