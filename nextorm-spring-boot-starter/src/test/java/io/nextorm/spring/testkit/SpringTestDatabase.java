package io.nextorm.spring.testkit;

import io.r2dbc.spi.ConnectionFactories;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database the starter's database tests run against, as {@code spring.r2dbc.url}: embedded H2,
 * or the local PostgreSQL or MariaDB ({@code -Dnextorm.test.postgres.url=...},
 * {@code -Dnextorm.test.mariadb.url=...}, database {@code test} by default).
 */
public enum SpringTestDatabase {
    /** Embedded H2, a fresh database per context. */
    H2(null),
    /** PostgreSQL on 127.0.0.1:5432. */
    POSTGRES(System.getProperty("nextorm.test.postgres.url", "r2dbc:postgresql://postgres@127.0.0.1:5432/test")),
    /** MariaDB on 127.0.0.1:3306. */
    MARIADB(System.getProperty("nextorm.test.mariadb.url", "r2dbc:mariadb://root@127.0.0.1:3306/test"));

    private static final Map<SpringTestDatabase, String> UNAVAILABLE = new ConcurrentHashMap<>();

    private final String url;

    SpringTestDatabase(String url) {
        this.url = url;
    }

    /**
     * The properties that point Spring Boot's R2DBC auto-configuration at this database.
     *
     * @return property assignments
     */
    public String[] properties() {
        return url == null ? new String[] {"spring.r2dbc.generate-unique-name=true"}
                : new String[] {"spring.r2dbc.url=" + url};
    }

    /**
     * Why this database cannot be reached, or null when it can.
     *
     * @return the reason, or null
     */
    public String unavailableReason() {
        if (url == null) {
            return null;
        }
        String reason = UNAVAILABLE.computeIfAbsent(this, db -> {
            try {
                Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()), c -> Mono.empty(),
                        c -> c.close()).block(Duration.ofSeconds(10));
                return "";
            } catch (RuntimeException e) {
                return name() + " at " + url + " is not reachable: " + e.getMessage();
            }
        });
        return reason.isEmpty() ? null : reason;
    }
}
