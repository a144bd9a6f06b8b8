package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The result of one SQL statement as a stream of segments: rows (streamed from the open cursor or
 * already read), then, for INSERT/UPDATE/DELETE, the update count. A result can be consumed once.
 */
final class SqliteResult implements Result {

    private final Flux<Segment> segments;
    private final AtomicBoolean consumed;

    private SqliteResult(Flux<Segment> segments, AtomicBoolean consumed) {
        this.segments = segments;
        this.consumed = consumed;
    }

    static SqliteResult ofCount(long count) {
        return new SqliteResult(Flux.just(new Count(count)), new AtomicBoolean());
    }

    static SqliteResult ofRows(List<SqliteRow> rows, Long count) {
        List<Segment> all = new ArrayList<>(rows.size() + 1);
        rows.forEach(row -> all.add(new RowSegmentOf(row)));
        if (count != null) {
            all.add(new Count(count));
        }
        return new SqliteResult(Flux.fromIterable(all), new AtomicBoolean());
    }

    static SqliteResult ofCursor(SqliteCursor cursor) {
        return new SqliteResult(Flux.defer(cursor::segments), new AtomicBoolean());
    }

    private Flux<Segment> consume() {
        return Flux.defer(() -> consumed.compareAndSet(false, true) ? segments
                : Flux.error(new IllegalStateException("This Result was consumed already: a Result can be consumed once")));
    }

    @Override
    public Publisher<Long> getRowsUpdated() {
        return consume().ofType(UpdateCount.class).map(UpdateCount::value).reduce(Long::sum);
    }

    @Override
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("The mapping function must not be null");
        }
        return consume().handle((segment, sink) -> {
            if (segment instanceof RowSegment rowSegment) {
                Row row = rowSegment.row();
                T mapped = mappingFunction.apply(row, row.getMetadata());
                if (mapped == null) {
                    sink.error(new IllegalStateException("The mapping function returned null: return a value or use Optional"));
                } else {
                    sink.next(mapped);
                }
            }
        });
    }

    @Override
    public <T> Publisher<T> map(Function<? super Readable, ? extends T> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("The mapping function must not be null");
        }
        return map((row, metadata) -> mappingFunction.apply(row));
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
        if (filter == null) {
            throw new IllegalArgumentException("The filter must not be null");
        }
        return new SqliteResult(segments.filter(filter), consumed);
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("The mapping function must not be null");
        }
        return consume().concatMap(mappingFunction);
    }

    /**
     * A row segment.
     *
     * @param row the row
     */
    record RowSegmentOf(Row row) implements RowSegment {
    }

    /**
     * An update count segment.
     *
     * @param value the number of rows inserted, updated or deleted
     */
    record Count(long value) implements UpdateCount {
    }
}
