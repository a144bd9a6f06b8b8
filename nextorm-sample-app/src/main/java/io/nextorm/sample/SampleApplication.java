package io.nextorm.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small blog on nextorm: WebFlux endpoints over an {@link io.nextorm.AsyncDatabase} that the
 * starter binds to an embedded H2 database (set {@code spring.r2dbc.url} for another one).
 *
 * <pre>
 * curl localhost:8080/posts
 * curl 'localhost:8080/posts?author=Ann'
 * curl -H 'Content-Type: application/json' -d '{"title":"Hi","body":"...","author":"Ann"}' localhost:8080/posts
 * curl localhost:8080/stats
 * </pre>
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Creates the application; called by Spring.
     */
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
