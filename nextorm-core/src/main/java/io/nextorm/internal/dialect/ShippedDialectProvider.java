package io.nextorm.internal.dialect;

import io.nextorm.dialect.Dialect;
import io.nextorm.spi.DialectProvider;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A provider of a dialect nextorm ships: its facts given to the constructor. The metadata name
 * matches when it contains one of the provider's names; the short form is {@code host:port/database}.
 */
abstract class ShippedDialectProvider implements DialectProvider {

    private final List<String> names;
    private final String productName;
    private final String urlScheme;
    private final String driverClass;
    private final String driverDependency;
    private final String urlExamples;
    private final Supplier<Dialect> dialect;

    ShippedDialectProvider(List<String> names, String productName, String urlScheme, String driverClass,
                           String driverDependency, String urlExamples, Supplier<Dialect> dialect) {
        this.names = names;
        this.productName = productName;
        this.urlScheme = urlScheme;
        this.driverClass = driverClass;
        this.driverDependency = driverDependency;
        this.urlExamples = urlExamples;
        this.dialect = dialect;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public String productName() {
        return productName;
    }

    @Override
    public boolean matchesMetadata(String metadataName) {
        String name = metadataName.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(name::contains);
    }

    @Override
    public String urlScheme() {
        return urlScheme;
    }

    @Override
    public String driverClass() {
        return driverClass;
    }

    @Override
    public String driverDependency() {
        return driverDependency;
    }

    @Override
    public String urlExamples() {
        return urlExamples;
    }

    @Override
    public String shortFormToR2dbc(String url) {
        return "r2dbc:" + urlScheme + "://" + url;
    }

    @Override
    public Dialect dialect() {
        return dialect.get();
    }
}
