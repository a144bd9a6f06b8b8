package io.nextorm.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library service on nextorm: authors, books, tags and reviews behind a WebFlux JSON API,
 * a page at {@code /} that shows the books and the statements nextorm sent, and the Actuator's
 * {@code /actuator/nextorm} and {@code /actuator/prometheus}. The database is an embedded H2 one, or
 * PostgreSQL or MariaDB with the profile of that name ({@code application-postgres.yml},
 * {@code application-mariadb.yml}).
 *
 * <pre>
 * curl 'localhost:8080/books?q=earth&amp;page=1&amp;size=5'
 * curl localhost:8080/books/1
 * curl localhost:8080/actuator/nextorm
 * </pre>
 */
@SpringBootApplication
public class SampleApplication {

    /** Creates the application; called by Spring. */
    public SampleApplication() {
    }

    /**
     * Starts the application.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
