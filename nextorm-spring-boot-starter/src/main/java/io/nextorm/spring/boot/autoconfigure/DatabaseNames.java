package io.nextorm.spring.boot.autoconfigure;

import java.util.Locale;

/**
 * The name of a database for its meters and the Actuator endpoint: its bean name, less an
 * {@code AsyncDatabase} suffix ({@code ordersAsyncDatabase} is {@code orders}; the auto-configured
 * {@code asyncDatabase} stays as it is), as Spring Boot names connection pools.
 */
final class DatabaseNames {

    private static final String SUFFIX = "asyncdatabase";

    private DatabaseNames() {
    }

    static String of(String beanName) {
        if (beanName.length() > SUFFIX.length() && beanName.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            return beanName.substring(0, beanName.length() - SUFFIX.length());
        }
        return beanName;
    }
}
