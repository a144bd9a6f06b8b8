package io.nextorm.benchmarks;

/**
 * The sizes of the cases, scaled by the system property {@code nextorm.bench.scale} (default 1): a
 * smoke run of the instrument uses {@code -Dnextorm.bench.scale=0.01}, so every case runs on a
 * hundredth of its rows. JMH forks pass the host JVM's {@code -D} options on.
 */
final class Sizes {

    /** The factor every size is multiplied by. */
    static final double SCALE = Double.parseDouble(System.getProperty("nextorm.bench.scale", "1"));

    private Sizes() {
    }

    /**
     * A size, scaled.
     *
     * @param nominal the size of a full run
     * @return the size of this run, at least 1
     */
    static int scaled(int nominal) {
        return Math.max(1, (int) Math.round(nominal * SCALE));
    }
}
