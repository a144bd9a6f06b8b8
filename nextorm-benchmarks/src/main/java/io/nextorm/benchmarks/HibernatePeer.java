package io.nextorm.benchmarks;

import io.vertx.pgclient.PgConnectOptions;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hibernate Reactive on its own Vert.x PostgreSQL client, through its {@code CompletionStage} API
 * ({@link Stage.SessionFactory}), with {@link Database#POOL_SIZE} connections and the table nextorm
 * created (schema generation off). Reads and inserts use a stateless session, Hibernate's
 * documented fastest way (no persistence context); load-change-write uses a normal session, whose
 * dirty checking writes the changed rows at commit, batched.
 */
public final class HibernatePeer implements AutoCloseable {

    /** Statements per JDBC-style batch, for the UPDATEs of a flush and the stateless inserts. */
    public static final int BATCH_SIZE = 500;

    private static final String SELECT_ALL = "from BenchRow";
    private static final String SELECT_FILTERED = "from BenchRow where age >= :minAge and age < :maxAge order by score desc";

    private final Stage.SessionFactory factory;

    private HibernatePeer(Stage.SessionFactory factory) {
        this.factory = factory;
    }

    /**
     * Builds a session factory on a database.
     *
     * @param database the database; PostgreSQL only
     * @return the peer; close it
     * @throws IllegalArgumentException for a database other than PostgreSQL
     */
    public static HibernatePeer open(Database database) {
        PgConnectOptions connect = VertxPeer.connectOptions(database);
        Configuration configuration = new Configuration()
                .addAnnotatedClass(BenchRow.class)
                .setProperty("jakarta.persistence.jdbc.url", "jdbc:postgresql://" + connect.getHost() + ":"
                        + connect.getPort() + "/" + connect.getDatabase())
                .setProperty("jakarta.persistence.jdbc.user", connect.getUser())
                .setProperty("hibernate.connection.pool_size", String.valueOf(Database.POOL_SIZE))
                .setProperty("hibernate.jdbc.batch_size", String.valueOf(BATCH_SIZE))
                .setProperty("hibernate.order_updates", "true")
                .setProperty("hibernate.hbm2ddl.auto", "none")
                // BenchRow_ is nextorm's metamodel, not a JPA static metamodel: leave it alone
                .setProperty("hibernate.jpa.static_metamodel.population", "disabled")
                .setProperty("hibernate.show_sql", "false");
        if (connect.getPassword() != null) {
            configuration.setProperty("jakarta.persistence.jdbc.password", connect.getPassword());
        }
        Stage.SessionFactory factory = configuration.buildSessionFactory(new ReactiveServiceRegistryBuilder()
                        .applySettings(configuration.getProperties()).build())
                .unwrap(Stage.SessionFactory.class);
        return new HibernatePeer(factory);
    }

    /**
     * One row by key: {@code StatelessSession.get}.
     *
     * @param id the key
     * @return the row, or empty
     */
    public Mono<BenchRow> selectById(long id) {
        return Mono.fromCompletionStage(() -> factory.withStatelessSession(session -> session.get(BenchRow.class, id)));
    }

    /**
     * Every row: {@code from BenchRow} in a stateless session. Hibernate Reactive has no streaming
     * query: the whole result is a list.
     *
     * @return the rows
     */
    public Mono<List<BenchRow>> selectAll() {
        return Mono.fromCompletionStage(() -> factory.withStatelessSession(session ->
                session.createSelectionQuery(SELECT_ALL, BenchRow.class).getResultList()));
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
        return Mono.fromCompletionStage(() -> factory.withStatelessSession(session ->
                session.createSelectionQuery(SELECT_FILTERED, BenchRow.class)
                        .setParameter("minAge", minAge)
                        .setParameter("maxAge", maxAge)
                        .setMaxResults(limit)
                        .getResultList()));
    }

    /**
     * {@code StatelessSession.insertMultiple} in one transaction, generated keys read into the objects
     * (an identity key: Hibernate cannot batch these INSERTs).
     *
     * @param rows the rows
     * @return completion after the commit
     */
    public Mono<Void> insertAll(List<BenchRow> rows) {
        return Mono.fromCompletionStage(() -> factory.withStatelessTransaction(session -> session.insertMultiple(rows)))
                .then();
    }

    /**
     * Load-change-write in one transaction of a normal session: loads every row, lets {@code change}
     * change each, and Hibernate's dirty checking writes them at commit.
     *
     * @param change what to do to each row
     * @return the changed rows, after the commit
     */
    public Mono<List<BenchRow>> updateEach(Consumer<BenchRow> change) {
        return Mono.fromCompletionStage(() -> factory.withTransaction(session ->
                session.createSelectionQuery(SELECT_ALL, BenchRow.class).getResultList()
                        .thenApply(rows -> {
                            rows.forEach(change);
                            return rows;
                        })));
    }

    /**
     * Closes the session factory and its pool.
     */
    @Override
    public void close() {
        factory.close();
    }
}
