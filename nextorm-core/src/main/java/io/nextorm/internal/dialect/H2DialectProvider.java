package io.nextorm.internal.dialect;

import io.nextorm.dialect.H2Dialect;

import java.util.List;

/**
 * H2 through r2dbc-h2: {@code mem:name} and {@code file:path} short forms.
 */
public final class H2DialectProvider extends ShippedDialectProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public H2DialectProvider() {
        super(List.of("h2"), "H2", "h2", "io.r2dbc.h2.H2ConnectionFactoryProvider", "io.r2dbc:r2dbc-h2",
                "\"mem:name\", \"file:/path/to/db\" or \"r2dbc:h2:mem:///name\"", H2Dialect::new);
    }

    @Override
    public String shortFormToR2dbc(String url) {
        if (url.startsWith("mem:")) {
            return "r2dbc:h2:mem:///" + url.substring(4) + "?options=DB_CLOSE_DELAY=-1";
        }
        if (url.startsWith("file:")) {
            String path = url.substring(5);
            // r2dbc-h2 reads what follows "file:///" as H2's path: "/tmp/x" needs the fourth slash to stay absolute
            return path.startsWith("/") ? "r2dbc:h2:file:///" + path.replaceFirst("^/+", "/") : "r2dbc:h2:file:///" + path;
        }
        throw new IllegalArgumentException("An H2 URL starts with mem:, file: or r2dbc:h2:");
    }
}
