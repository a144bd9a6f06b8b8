package io.nextorm.internal.dialect;

import io.nextorm.dialect.Dialect;
import io.nextorm.dialect.H2Dialect;
import io.nextorm.spi.DialectProvider;

import java.util.List;
import java.util.Locale;

/**
 * H2 through r2dbc-h2: {@code mem:name} and {@code file:path} short forms.
 */
public final class H2DialectProvider implements DialectProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public H2DialectProvider() {
    }

    @Override
    public List<String> names() {
        return List.of("h2");
    }

    @Override
    public String productName() {
        return "H2";
    }

    @Override
    public boolean matchesMetadata(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("h2");
    }

    @Override
    public String urlScheme() {
        return "h2";
    }

    @Override
    public String driverClass() {
        return "io.r2dbc.h2.H2ConnectionFactoryProvider";
    }

    @Override
    public String driverDependency() {
        return "io.r2dbc:r2dbc-h2";
    }

    @Override
    public String urlExamples() {
        return "\"mem:name\", \"file:/path/to/db\" or \"r2dbc:h2:mem:///name\"";
    }

    @Override
    public String shortFormToR2dbc(String url) {
        if (url.startsWith("mem:")) {
            return "r2dbc:h2:mem:///" + url.substring(4) + "?options=DB_CLOSE_DELAY=-1";
        }
        if (url.startsWith("file:")) {
            return "r2dbc:h2:file:///" + url.substring(5).replaceFirst("^/+", "");
        }
        throw new IllegalArgumentException("An H2 URL starts with mem:, file: or r2dbc:h2:");
    }

    @Override
    public Dialect dialect() {
        return new H2Dialect();
    }
}
