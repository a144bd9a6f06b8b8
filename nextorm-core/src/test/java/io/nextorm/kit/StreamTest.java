package io.nextorm.kit;

import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.TransactionException;
import io.nextorm.testkit.TestDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code stream()} reads a large result in flat heap: rows are fetched as they are demanded (a cursor
 * or the driver's backpressure), mapped one by one, and none is kept. Not a timing test: it samples
 * the used heap after a GC at 10% and at 100% of the rows and checks that the second stays within a
 * fixed margin of the first, and the first within the margin of the use before the stream (the
 * drivers' Netty buffers counted too). {@code -Dnextorm.test.stream.rows=1000000} for the full million.
 */
class StreamTest extends DatabaseTestKit {

    private static final int ROWS = Integer.getInteger("nextorm.test.stream.rows", 200_000);
    /** How much the used heap may grow from 10% to 100% of the rows: far less than the rows themselves. */
    private static final long MARGIN_BYTES = 24L * 1024 * 1024;

    @Override
    protected List<Class<?>> entities() {
        return List.of(StreamedRow.class, Author.class, Article.class, Tag.class);
    }

    /** One statement per dialect, so that setup takes seconds even for a million rows. */
    private static String insertRows(TestDatabase target, int rows) {
        return switch (target) {
            case POSTGRES -> "INSERT INTO streamed_row (id, name, amount) SELECT g, 'row number ' || g, g * 3"
                    + " FROM generate_series(1, " + rows + ") AS g";
            case H2 -> "INSERT INTO streamed_row (id, name, amount) SELECT X, CONCAT('row number ', X), X * 3"
                    + " FROM SYSTEM_RANGE(1, " + rows + ")";
            case MARIADB -> "INSERT INTO streamed_row (id, name, amount) SELECT seq, CONCAT('row number ', seq), seq * 3"
                    + " FROM seq_1_to_" + rows;
            case SQLITE, SQLITE_MEMORY -> "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < "
                    + rows + ") INSERT INTO streamed_row (id, name, amount) SELECT x, 'row number ' || x, x * 3 FROM g";
        };
    }

    @Test
    void streamsManyRowsInFlatHeap() {
        assertThat(await(db.execute(insertRows(target, ROWS)))).isEqualTo(ROWS);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong seen = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        long[] usedAt = new long[2];
        long tenth = ROWS / 10;
        long before = usedAfterGc(memory);
        db.aselect(StreamedRow.class).stream()
                .doOnNext(row -> {
                    long n = seen.incrementAndGet();
                    sum.addAndGet(row.amount);
                    if (n == tenth) {
                        usedAt[0] = usedAfterGc(memory);
                    } else if (n == ROWS) {
                        usedAt[1] = usedAfterGc(memory);
                    }
                })
                .blockLast(Duration.ofMinutes(10));
        System.out.printf("StreamTest %s: %d rows, used heap + driver buffers after GC %d MB before, %d MB at 10%%,"
                + " %d MB at 100%%%n", target, ROWS, before >> 20, usedAt[0] >> 20, usedAt[1] >> 20);
        assertThat(seen.get()).isEqualTo(ROWS);
        assertThat(sum.get()).isEqualTo(3L * ROWS * (ROWS + 1) / 2);
        assertThat(usedAt[1])
                .as("used heap after GC at 100%% of %d rows (%d MB) against 10%% (%d MB) on %s", ROWS,
                        usedAt[1] >> 20, usedAt[0] >> 20, target)
                .isLessThan(usedAt[0] + MARGIN_BYTES);
        assertThat(usedAt[0])
                .as("used memory after GC at 10%% of %d rows (%d MB) against before the stream (%d MB) on %s: the"
                        + " driver must not buffer the result", ROWS, usedAt[0] >> 20, before >> 20, target)
                .isLessThan(before + MARGIN_BYTES);
    }

    @Test
    void aStreamCancelledEarlyLeavesTheDatabaseUsable() {
        await(db.execute(insertRows(target, 20_000)));
        List<StreamedRow> first = db.aselect(StreamedRow.class).stream().take(10).collectList().block(TIMEOUT);
        assertThat(first).hasSize(10);
        assertThat(await(db.aselect(StreamedRow.class).count())).isEqualTo(20_000L);
    }

    @Test
    void aStreamWithPrefetchLoadsTheReferencesOfEveryBatch() {
        List<Author> authors = List.of(new Author("ann"), new Author("bob"), new Author("cy"));
        List<Article> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            Article article = new Article(String.format("t%05d", i), i);
            article.setAuthor(authors.get(i % 3));
            articles.add(article);
        }
        await(db.session(s -> {
            authors.forEach(s::add);
            articles.forEach(s::add);
            return db.aflush();
        }));
        db.clearLocalStats();

        List<Article> streamed = db.aselect(Article.class).prefetch(Article_.author).orderBy(Article_.views.asc())
                .stream().collectList().block(TIMEOUT);

        assertThat(streamed).hasSize(2_500);
        assertThat(streamed).allSatisfy(a -> assertThat(a.getAuthor().name).isNotNull());
        assertThat(streamed.get(4).getAuthor().name).isEqualTo("bob");
        // one SELECT of the articles, then one of the authors per batch of 1,000
        assertThat(db.localStats().entrySet().stream()
                .filter(e -> e.getKey().startsWith("SELECT")).mapToLong(e -> e.getValue().count()).sum()).isEqualTo(1 + 3);
    }

    @Test
    void aLockingStreamOutsideATransactionFails() {
        assertThatThrownBy(() -> db.aselect(StreamedRow.class).forUpdate().stream().blockLast(TIMEOUT))
                .isInstanceOf(TransactionException.class).hasMessageContaining("db.session(");
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        // the drivers' network buffers are Netty's pooled (mostly direct) memory, outside the heap
        io.netty.buffer.ByteBufAllocatorMetric netty = io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric();
        return memory.getHeapMemoryUsage().getUsed() + netty.usedDirectMemory() + netty.usedHeapMemory();
    }
}
