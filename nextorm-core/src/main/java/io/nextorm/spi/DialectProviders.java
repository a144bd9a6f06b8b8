package io.nextorm.spi;

import io.nextorm.dialect.Dialect;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Finds a {@link DialectProvider} by provider name or by a connection factory's metadata name,
 * among those {@link ServiceLoader} finds through nextorm's class loader.
 *
 * <pre>{@code
 * Dialect dialect = DialectProviders.forName("postgres").dialect();
 * }</pre>
 */
public final class DialectProviders {

    private static final List<DialectProvider> INSTALLED = load(DialectProviders.class.getClassLoader());

    private DialectProviders() {
    }

    /**
     * The providers a class loader sees, in service-file order.
     *
     * @param loader the class loader
     * @return the providers
     */
    public static List<DialectProvider> load(ClassLoader loader) {
        List<DialectProvider> found = new ArrayList<>();
        ServiceLoader.load(DialectProvider.class, loader).forEach(found::add);
        return List.copyOf(found);
    }

    /**
     * The installed providers.
     *
     * @return the providers nextorm's class loader sees
     */
    public static List<DialectProvider> installed() {
        return INSTALLED;
    }

    /**
     * The provider a name answers to, without regard to case.
     *
     * @param provider for example {@code "h2"}, {@code "postgres"} or {@code "mariadb"}
     * @return the provider
     * @throws IllegalArgumentException for a name no provider answers to; the message lists the accepted ones
     */
    public static DialectProvider forName(@Nullable String provider) {
        String name = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
        for (DialectProvider candidate : INSTALLED) {
            if (candidate.names().contains(name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown provider '" + provider + "': use "
                + listed(INSTALLED.stream().map(p -> "\"" + p.names().get(0) + "\"").toList(), " or "));
    }

    /**
     * The dialect of a connection factory, by its metadata name.
     *
     * @param productName {@code ConnectionFactoryMetadata.getName()}
     * @return a new dialect
     * @throws IllegalArgumentException for a database no provider speaks
     */
    public static Dialect forMetadata(@Nullable String productName) {
        String name = productName == null ? "" : productName;
        for (DialectProvider candidate : INSTALLED) {
            if (candidate.matchesMetadata(name)) {
                return candidate.dialect();
            }
        }
        throw new IllegalArgumentException("nextorm has no dialect for the database '" + productName + "': it supports "
                + listed(INSTALLED.stream().map(DialectProvider::productName).toList(), " and "));
    }

    private static String listed(List<String> names, String last) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
    }
}
