package io.nextorm.spring.boot.autoconfigure;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;
import org.springframework.r2dbc.core.binding.BindMarkersFactoryResolver.BindMarkerFactoryProvider;

/**
 * Tells Spring's {@code DatabaseClient} (which Boot creates for every R2DBC application) the parameter
 * markers of nextorm's SQLite driver: anonymous {@code ?}. Without it, a Boot application on
 * {@code spring.r2dbc.url=r2dbc:sqlite:///...} fails at startup: Spring knows the markers of the
 * drivers it ships support for only. Registered in {@code META-INF/spring.factories}.
 */
public final class SqliteBindMarkers implements BindMarkerFactoryProvider {

    /**
     * The provider Spring's factories loader instantiates.
     */
    public SqliteBindMarkers() {
    }

    @Override
    public BindMarkersFactory getBindMarkers(ConnectionFactory connectionFactory) {
        String name = connectionFactory.getMetadata().getName();
        return name != null && name.equalsIgnoreCase("SQLite") ? BindMarkersFactory.anonymous("?") : null;
    }
}
