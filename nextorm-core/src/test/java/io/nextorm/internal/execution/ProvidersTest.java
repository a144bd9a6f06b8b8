package io.nextorm.internal.execution;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvidersTest {

    /** A class loader on which no R2DBC driver is installed. */
    private static final ClassLoader WITHOUT_DRIVERS = new ClassLoader(ProvidersTest.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.r2dbc.h2.") || name.startsWith("io.r2dbc.postgresql.")
                    || name.startsWith("org.mariadb.r2dbc.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    };

    @Test
    void aMissingDriverNamesTheDependencyToAdd() {
        assertThatThrownBy(() -> Providers.pool("postgres", "127.0.0.1:5432/test", Map.of(), WITHOUT_DRIVERS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The postgres driver is not on the class path")
                .hasMessageContaining("org.postgresql:r2dbc-postgresql");
        assertThatThrownBy(() -> Providers.pool("mariadb", "127.0.0.1:3306/test", Map.of(), WITHOUT_DRIVERS))
                .hasMessageContaining("org.mariadb:r2dbc-mariadb");
        assertThatThrownBy(() -> Providers.pool("h2", "mem:x", Map.of(), WITHOUT_DRIVERS))
                .hasMessageContaining("io.r2dbc:r2dbc-h2");
    }
}
