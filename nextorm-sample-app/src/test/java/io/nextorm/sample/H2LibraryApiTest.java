package io.nextorm.sample;

/**
 * The sample's endpoints on the embedded H2 database (no {@code spring.r2dbc.url}: Spring Boot's default).
 */
class H2LibraryApiTest extends LibraryApiTests {
}
