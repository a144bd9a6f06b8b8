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
 * <p>On MariaDB this case once came back with a third to three quarters of the lookups empty: the
 * fill's commit was never sent (see {@code RawDriver#commit}), so only the connection that wrote the
 * rows saw them, and only lookups run in parallel reached the other pooled connections.
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
}
