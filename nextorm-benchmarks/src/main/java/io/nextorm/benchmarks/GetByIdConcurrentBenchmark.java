package io.nextorm.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The lookups of {@link GetByIdBenchmark}, {@value #IN_FLIGHT} in flight at once
 * ({@code flatMap(get, 64)}) on the same pool of {@link Database#POOL_SIZE} connections: what a
 * busy service does, queueing for connections.
 *
 * <p>Not on MariaDB: with r2dbc-mariadb 1.3.0 behind r2dbc-pool, lookups of existing keys run two or
 * more at a time come back empty, a third to three quarters of them, with the raw driver as with
 * every library on it (reproduced at 2, 4, 8 and 64 in flight); timing lookups that find nothing
 * would compare nothing. The setup refuses, and JMH reports the refusal and goes on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GetByIdConcurrentBenchmark extends GetByIdBenchmark {

    /** Lookups in flight at once. */
    public static final int IN_FLIGHT = 64;

    @Override
    int concurrency() {
        return IN_FLIGHT;
    }

    @Override
    void open(String benchmark) {
        if (Database.of(database) == Database.MARIADB) {
            throw new UnsupportedOperationException(MARIADB_REFUSAL);
        }
        super.open(benchmark);
    }

    /** Why the case does not run on MariaDB. */
    static final String MARIADB_REFUSAL = "Concurrent get-by-key is not measured on MariaDB: r2dbc-mariadb 1.3.0 "
            + "returns no row for many lookups of existing keys run concurrently on pooled connections (raw driver "
            + "included); leave it out with -p database=h2,postgres";
}
