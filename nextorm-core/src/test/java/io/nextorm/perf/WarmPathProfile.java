package io.nextorm.perf;

import io.nextorm.AsyncDatabase;
import io.nextorm.kit.StreamedRow;
import io.nextorm.kit.StreamedRow_;
import io.nextorm.testkit.TestDatabase;

import java.time.Duration;
import java.util.List;

/**
 * A small main to profile the warm path with JFR: get-by-key and fetch 10,000 rows, in a loop, on
 * H2 in memory (no network in the profile). Run it with
 * {@code java -XX:StartFlightRecording=filename=warm.jfr,settings=profile -cp <test class path>
 * io.nextorm.perf.WarmPathProfile [seconds]} and read the hot methods with {@code jfr print --events
 * jdk.ExecutionSample} or {@code jfr view hot-methods warm.jfr}.
 */
public final class WarmPathProfile {

    private WarmPathProfile() {
    }

    /**
     * Runs both loops for the given seconds each (default 15).
     *
     * @param args the seconds
     */
    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 15;
        AsyncDatabase db = TestDatabase.H2.open(List.of(StreamedRow.class));
        db.execute("INSERT INTO streamed_row (id, name, amount) SELECT X, CONCAT('row number ', X), X * 3"
                + " FROM SYSTEM_RANGE(1, 10000)").block(Duration.ofMinutes(1));
        long gets = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long id = 1 + gets % 10_000;
            db.aselect(StreamedRow.class).filter(StreamedRow_.id.eq(id)).fetchOne().block();
            gets++;
        }
        long fetches = 0;
        end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            db.aselect(StreamedRow.class).fetchAll().block();
            fetches++;
        }
        System.out.printf("get by key: %d calls, %.1f us each; fetch 10,000: %d calls, %.2f ms each%n", gets,
                seconds * 1e6 / gets, fetches, seconds * 1e3 / fetches);
        db.close().block(Duration.ofSeconds(10));
    }
}
