package io.nextorm.benchmarks;

import io.r2dbc.spi.ConnectionFactory;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep5;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.Records;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * jOOQ on R2DBC, on the fixture's pool: typed fields of the {@code bench_row} table declared by hand
 * (what the code generator would write), records mapped to {@link BenchRow} by
 * {@code Records.mapping(BenchRow::new)}, queries run as Reactive Streams publishers.
 */
public final class JooqPeer {

    private static final Table<Record> TABLE = DSL.table(DSL.name("bench_row"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), String.class);
    private static final Field<String> EMAIL = DSL.field(DSL.name("email"), String.class);
    private static final Field<Integer> AGE = DSL.field(DSL.name("age"), Integer.class);
    private static final Field<Double> SCORE = DSL.field(DSL.name("score"), Double.class);
    private static final Field<LocalDateTime> CREATED = DSL.field(DSL.name("created"), LocalDateTime.class);
    private static final RecordMapper<Record6<Long, String, String, Integer, Double, LocalDateTime>, BenchRow> MAPPER =
            Records.mapping(BenchRow::new);

    private final DSLContext dsl;

    /**
     * A jOOQ context over a connection factory.
     *
     * @param pool where connections come from
     * @param database the database, for jOOQ's dialect
     */
    public JooqPeer(ConnectionFactory pool, Database database) {
        // unquoted names, as nextorm creates them: quoted lower-case names would miss H2's upper-case tables
        this.dsl = DSL.using(pool, dialect(database), new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    }

    private static SQLDialect dialect(Database database) {
        return switch (database) {
            case H2 -> SQLDialect.H2;
            case POSTGRES -> SQLDialect.POSTGRES;
            case MARIADB -> SQLDialect.MARIADB;
        };
    }

    private SelectJoinStep<Record6<Long, String, String, Integer, Double, LocalDateTime>> selectRows(DSLContext context) {
        return context.select(ID, NAME, EMAIL, AGE, SCORE, CREATED).from(TABLE);
    }

    /**
     * One row by key.
     *
     * @param id the key
     * @return the row, or empty
     */
    public Mono<BenchRow> selectById(long id) {
        // read to the end, as the raw driver does: Mono.from would cancel the statement after the row
        return Flux.from(selectRows(dsl).where(ID.eq(id))).singleOrEmpty().map(MAPPER::map);
    }

    /**
     * Every row.
     *
     * @return the rows
     */
    public Mono<List<BenchRow>> selectAll() {
        return stream().collectList();
    }

    /**
     * Every row, as a stream with backpressure.
     *
     * @return the rows
     */
    public Flux<BenchRow> stream() {
        return Flux.from(selectRows(dsl)).map(MAPPER::map);
    }

    /**
     * The rows of an age range, highest score first, at most {@code limit}.
     *
     * @param minAge the lowest age, inclusive
     * @param maxAge the highest age, exclusive
     * @param limit the most rows
     * @return the rows
     */
    public Mono<List<BenchRow>> selectFiltered(int minAge, int maxAge, int limit) {
        return Flux.from(selectRows(dsl).where(AGE.ge(minAge).and(AGE.lt(maxAge))).orderBy(SCORE.desc()).limit(limit))
                .map(MAPPER::map).collectList();
    }

    /**
     * jOOQ's batch: one INSERT with a bind-value set per row, in one transaction, keys not read.
     *
     * @param rows the rows
     * @return completion after the commit
     */
    public Mono<Void> insertBatch(List<BenchRow> rows) {
        return Flux.from(dsl.transactionPublisher(trx -> {
            BatchBindStep batch = trx.dsl().batch(trx.dsl().insertInto(TABLE, NAME, EMAIL, AGE, SCORE, CREATED)
                    .values((String) null, null, null, null, null));
            for (BenchRow row : rows) {
                batch = batch.bind(row.getName(), row.getEmail(), row.getAge(), row.getScore(), row.getCreated());
            }
            return batch;
        })).then();
    }

    /**
     * Multi-row INSERTs of up to {@code perStatement} rows, in one transaction, keys not read.
     *
     * @param rows the rows
     * @param perStatement the most rows in one statement
     * @return completion after the commit
     */
    public Mono<Void> insertMultiRow(List<BenchRow> rows, int perStatement) {
        return Flux.from(dsl.transactionPublisher(trx -> Flux.range(0, (rows.size() + perStatement - 1) / perStatement)
                .concatMap(chunk -> {
                    InsertValuesStep5<Record, String, String, Integer, Double, LocalDateTime> insert =
                            trx.dsl().insertInto(TABLE, NAME, EMAIL, AGE, SCORE, CREATED);
                    for (BenchRow row : rows.subList(chunk * perStatement, Math.min(rows.size(), (chunk + 1) * perStatement))) {
                        insert = insert.values(row.getName(), row.getEmail(), row.getAge(), row.getScore(), row.getCreated());
                    }
                    return insert;
                }))).then();
    }

    /**
     * Load-change-write in one transaction: reads every row, lets {@code change} change each, writes
     * every score back in one batch of UPDATEs.
     *
     * @param change what to do to each row
     * @return the changed rows, after the commit
     */
    public Mono<List<BenchRow>> updateEach(Consumer<BenchRow> change) {
        // Flux.from(...).last(), not Mono.from: Mono.from cancels after the value, before jOOQ commits
        return Flux.from(dsl.transactionPublisher(trx -> Flux.from(selectRows(trx.dsl())).map(MAPPER::map).collectList()
                .flatMap(rows -> {
                    BatchBindStep batch = trx.dsl().batch(trx.dsl().update(TABLE).set(SCORE, (Double) null)
                            .where(ID.eq((Long) null)));
                    for (BenchRow row : rows) {
                        change.accept(row);
                        batch = batch.bind(row.getScore(), row.getId());
                    }
                    return Flux.from(batch).then(Mono.just(rows));
                }))).last();
    }
}
