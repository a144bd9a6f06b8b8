package io.nextorm.internal.execution;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pool.*} options of {@code bind}, read with errors that name the option and the form it
 * takes. Sizes are whole numbers; durations are written as Spring Boot writes them ({@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, a bare number of milliseconds) or in ISO-8601
 * ({@code PT5M}), or given as a {@link Duration}. A {@code pool.} option not in {@link #NAMES} is
 * refused, naming the known ones.
 *
 * @param maxSize the most connections open at once (10)
 * @param initialSize connections opened at start (1)
 * @param maxIdleTime how long an unused connection stays open (30 minutes)
 * @param maxAcquireTime how long a caller waits for a connection before an error (30 seconds)
 * @param maxCreateConnectionTime how long opening a new connection may take (10 seconds)
 * @param maxValidationTime how long checking a connection on acquire may take; a connection that
 *                          does not answer in time is dropped (5 seconds)
 * @param maxLifeTime how long a connection lives at most, or null for no limit
 */
public record PoolOptions(int maxSize, int initialSize, Duration maxIdleTime, Duration maxAcquireTime,
                          Duration maxCreateConnectionTime, Duration maxValidationTime, Duration maxLifeTime) {

    /** The prefix of pool options. */
    public static final String PREFIX = "pool.";

    /** The pool options that exist. */
    public static final List<String> NAMES = List.of("pool.maxSize", "pool.initialSize", "pool.maxIdleTime",
            "pool.maxAcquireTime", "pool.maxCreateConnectionTime", "pool.maxValidationTime", "pool.maxLifeTime");

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)?");

    /** The defaults. */
    public static final PoolOptions DEFAULTS = new PoolOptions(10, 1, Duration.ofMinutes(30), Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(5), null);

    /**
     * Reads the {@code pool.*} entries of bind's options; other entries are ignored.
     *
     * @param options bind's options
     * @return the pool options, defaults where not given
     * @throws IllegalArgumentException naming the option when one is unknown or malformed
     */
    public static PoolOptions of(Map<String, ?> options) {
        PoolOptions result = DEFAULTS;
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String key = entry.getKey();
            if (key == null || !key.startsWith(PREFIX)) {
                continue;
            }
            Object value = entry.getValue();
            result = switch (key) {
                case "pool.maxSize" -> result.with(number(key, value), -1, null, null, null, null, null);
                case "pool.initialSize" -> result.with(-1, number(key, value), null, null, null, null, null);
                case "pool.maxIdleTime" -> result.with(-1, -1, duration(key, value), null, null, null, null);
                case "pool.maxAcquireTime" -> result.with(-1, -1, null, duration(key, value), null, null, null);
                case "pool.maxCreateConnectionTime" -> result.with(-1, -1, null, null, duration(key, value), null, null);
                case "pool.maxValidationTime" -> result.with(-1, -1, null, null, null, duration(key, value), null);
                case "pool.maxLifeTime" -> result.with(-1, -1, null, null, null, null, duration(key, value));
                default -> throw new IllegalArgumentException("Unknown pool option '" + key + "': the pool options are "
                        + String.join(", ", NAMES));
            };
        }
        if (result.maxSize < 1 || result.initialSize < 0 || result.initialSize > result.maxSize) {
            throw new IllegalArgumentException("The pool options need 1 <= pool.maxSize and 0 <= pool.initialSize <= "
                    + "pool.maxSize; got maxSize " + result.maxSize + ", initialSize " + result.initialSize);
        }
        return result;
    }

    private PoolOptions with(int size, int initial, Duration idle, Duration acquire, Duration create,
                             Duration validation, Duration life) {
        return new PoolOptions(size >= 0 ? size : maxSize, initial >= 0 ? initial : initialSize,
                idle != null ? idle : maxIdleTime, acquire != null ? acquire : maxAcquireTime,
                create != null ? create : maxCreateConnectionTime, validation != null ? validation : maxValidationTime,
                life != null ? life : maxLifeTime);
    }

    private static int number(String key, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return check(key, ((Number) value).intValue());
        }
        if (value instanceof Long longValue && longValue >= 0 && longValue <= Integer.MAX_VALUE) {
            return longValue.intValue();
        }
        try {
            return check(key, Integer.parseInt(String.valueOf(value).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The option " + key + " must be a whole number such as 10; got '"
                    + value + "'", e);
        }
    }

    private static int check(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("The option " + key + " must be a whole number of 0 or more; got " + value);
        }
        return value;
    }

    private static Duration duration(String key, Object value) {
        if (value instanceof Duration duration) {
            return positive(key, duration, value);
        }
        String text = String.valueOf(value).trim();
        Matcher simple = SIMPLE_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "ms" : simple.group(2);
            Duration duration = switch (unit) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(amount * 1000);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofMillis(amount);
            };
            return positive(key, duration, value);
        }
        try {
            return positive(key, Duration.parse(text), value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The option " + key + " must be a duration such as 30s, 5m, 500ms or "
                    + "PT5M; got '" + value + "'", e);
        }
    }

    private static Duration positive(String key, Duration duration, Object value) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The option " + key + " must be a duration above zero such as 30s; got '"
                    + value + "'");
        }
        return duration;
    }
}
