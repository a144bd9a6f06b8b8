package io.nextorm.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What every benchmark of the module shares: the database parameter, the {@link Fixture} of every
 * side opened once per trial (a Vert.x side opened then, not at its first call), and closed after.
 * A benchmark fills its table in {@link #prepare()}.
 */
@State(Scope.Benchmark)
public abstract class TableBenchmark {

    /** The database: {@code h2}, {@code postgres} or {@code mariadb}. */
    @Param({"h2", "postgres", "mariadb"})
    public String database;

    Fixture fixture;

    /**
     * Opens the fixture and prepares the table.
     *
     * @param params the benchmark JMH runs: its Vert.x side is opened now
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params.getBenchmark());
    }

    /**
     * Sets up outside JMH (the smoke test); the Vert.x sides open on first use.
     */
    void setUp() {
        open("");
    }

    void open(String benchmark) {
        fixture = Fixture.open(Database.of(database), benchmark);
        prepare();
    }

    /** Fills the table (and draws what the benchmark needs of it) once the fixture is open. */
    abstract void prepare();

    /**
     * Closes the fixture.
     */
    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }
}
