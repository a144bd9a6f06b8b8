package io.nextorm.internal.database;

import io.nextorm.NextOrmException;
import io.nextorm.Where;
import io.nextorm.dialect.Dialect;
import io.nextorm.spi.DialectProviders;
import io.nextorm.internal.execution.InterruptedConnections;
import io.nextorm.internal.execution.Providers;
import io.nextorm.internal.execution.RowMap;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.execution.StatementObservers;
import io.nextorm.internal.lambda.LambdaTranslator;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.SchemaValidator;
import io.nextorm.internal.session.ConnectionTransactionSupport;
import io.nextorm.internal.session.DatabaseRuntime;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.query.Condition;
import io.nextorm.spi.SessionListener;
import io.nextorm.spi.TransactionSupport;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.ValidationDepth;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The state of one {@code AsyncDatabase}. What lasts for the database's life (statistics, last
 * SQL, statement and session listeners, transaction support, the mapping) is kept apart from what
 * one binding owns (connection factory, own pool, dialect, executor, runtime), so that
 * {@code close()} then {@code bind()} keeps the first and replaces only the second.
 */
public final class DatabaseState {

    private final StatementObservers observers = new StatementObservers();
    private final List<SessionListener> sessionListeners = new CopyOnWriteArrayList<>();
    private volatile TransactionSupport transactionSupport = ConnectionTransactionSupport.create();
    private volatile Mapping mapping;
    private volatile io.nextorm.spi.JsonCodec jsonCodec;
    private volatile LambdaTranslator translator;
    private volatile Binding binding;

    /** What one bind owns; replaced as a whole. */
    private record Binding(ConnectionFactory factory, ConnectionPool ownPool, Dialect dialect,
                           StatementExecutor executor, DatabaseRuntime runtime) {
    }

    /**
     * The observers of this database's statements: statistics, last SQL, listeners.
     *
     * @return the observers, the same for the database's life
     */
    public StatementObservers observers() {
        return observers;
    }

    /**
     * The session listeners, a live list the runtimes read.
     *
     * @return the listeners
     */
    public List<SessionListener> sessionListeners() {
        return sessionListeners;
    }

    /**
     * Binds through a named provider, with a pool of its own, once a connection validated.
     *
     * @param provider the provider name
     * @param url the URL, R2DBC or short form
     * @param options driver and pool options
     * @return completion
     */
    public Mono<Void> bind(String provider, String url, Map<String, ?> options) {
        return Mono.defer(() -> {
            requireUnbound();
            ConnectionPool pool = Providers.pool(provider, url, options == null ? Map.of() : options);
            Dialect providerDialect = DialectProviders.forName(provider).dialect();
            return check(pool).doOnSuccess(ignored -> attach(pool, pool, providerDialect))
                    .onErrorResume(error -> pool.disposeLater().then(Mono.error(error)));
        });
    }

    /**
     * Binds to a caller's factory, with the dialect read from its metadata.
     *
     * @param factory the factory
     * @return completion
     */
    public Mono<Void> bind(ConnectionFactory factory) {
        return Mono.defer(() -> {
            if (factory == null) {
                throw new IllegalArgumentException("bind() needs a ConnectionFactory, got null");
            }
            return bind(factory, DialectProviders.forMetadata(factory.getMetadata().getName()));
        });
    }

    /**
     * Binds to a caller's factory with a given dialect.
     *
     * @param factory the factory
     * @param dialect the dialect
     * @return completion
     */
    public Mono<Void> bind(ConnectionFactory factory, Dialect dialect) {
        return Mono.fromRunnable(() -> {
            if (factory == null || dialect == null) {
                throw new IllegalArgumentException("bind() needs a ConnectionFactory and a Dialect");
            }
            requireUnbound();
            attach(factory, null, dialect);
        });
    }

    private synchronized void attach(ConnectionFactory factory, ConnectionPool ownPool, Dialect dialect) {
        requireUnbound();
        StatementExecutor executor = new StatementExecutor(dialect, observers);
        Mapping built = mapping;
        binding = new Binding(factory, ownPool, dialect, executor,
                built == null ? null : newRuntime(factory, dialect, executor, built));
    }

    private DatabaseRuntime newRuntime(ConnectionFactory factory, Dialect dialect, StatementExecutor executor,
                                       Mapping built) {
        DatabaseRuntime created = new DatabaseRuntime(factory, built, new SqlRenderer(built, dialect), executor,
                transactionSupport);
        created.setSessionListeners(sessionListeners);
        return created;
    }

    private static Mono<Void> check(ConnectionFactory factory) {
        return Mono.usingWhen(factory.create(), connection -> Mono.from(connection.validate(ValidationDepth.REMOTE))
                .flatMap(valid -> valid ? Mono.<Void>empty()
                        : Mono.error(new NextOrmException("The database connection did not validate"))),
                Connection::close);
    }

    private void requireUnbound() {
        if (binding != null) {
            throw new IllegalStateException("This database is already bound; close() it before binding again");
        }
    }

    /**
     * Unbinds, closing the pool a provider bind created; listeners, statistics and settings stay.
     *
     * @return completion
     */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            Binding closed;
            synchronized (this) {
                closed = binding;
                binding = null;
            }
            return closed == null || closed.ownPool() == null ? Mono.<Void>empty() : closed.ownPool().disposeLater();
        });
    }

    /**
     * Whether a bind succeeded and no close followed.
     *
     * @return whether bound
     */
    public boolean isBound() {
        return binding != null;
    }

    /**
     * Sets the transaction SPI, for this binding's runtime and every later one.
     *
     * @param support the implementation
     */
    public synchronized void setTransactionSupport(TransactionSupport support) {
        if (support == null) {
            throw new IllegalArgumentException("setTransactionSupport() needs an implementation, got null; "
                    + "ConnectionTransactionSupport.create() is the default");
        }
        transactionSupport = support;
        Binding current = binding;
        if (current != null && current.runtime() != null) {
            current.runtime().setTransactionSupport(support);
        }
    }

    /**
     * The transaction SPI.
     *
     * @return the implementation
     */
    public TransactionSupport transactionSupport() {
        return transactionSupport;
    }

    /**
     * Sets the codec of {@code @Json} fields; only before {@code generateMapping}.
     *
     * @param codec the codec
     */
    public void setJsonCodec(io.nextorm.spi.JsonCodec codec) {
        if (codec == null) {
            throw new IllegalArgumentException("The JsonCodec is null: pass a codec, such as new JacksonJsonCodec(mapper)");
        }
        if (mapping != null) {
            throw new IllegalStateException("setJsonCodec() must come before generateMapping(): the mapping is built");
        }
        this.jsonCodec = codec;
    }

    /**
     * Whether the mapping is built.
     *
     * @return whether {@code generateMapping} completed
     */
    public boolean isMapped() {
        return mapping != null;
    }

    /**
     * Builds the mapping and, if asked, creates the missing tables.
     *
     * @param entities the registered entity classes
     * @param createTables whether to create tables
     * @param validateRelations whether every set needs one reverse side
     * @return completion
     */
    public Mono<Void> generateMapping(List<Class<?>> entities, boolean createTables, boolean validateRelations) {
        return generateMapping(entities, createTables, false, validateRelations);
    }

    /**
     * Builds the mapping, creating the missing tables and validating the schema against the catalog if asked.
     *
     * @param entities the registered entity classes
     * @param createTables whether to create the missing tables
     * @param validateSchema whether to check the mapping against the database's catalog
     * @param validateRelations whether every set needs one reverse side
     * @return completion
     */
    public Mono<Void> generateMapping(List<Class<?>> entities, boolean createTables, boolean validateSchema,
                                      boolean validateRelations) {
        return Mono.defer(() -> {
            if (mapping != null) {
                throw new IllegalStateException("generateMapping() was already called on this database");
            }
            Binding current = binding;
            if (createTables && current == null) {
                throw new IllegalStateException("generateMapping(createTables = true) needs a bound database: bind() first");
            }
            if (validateSchema && current == null) {
                throw new IllegalStateException("generateMapping(SchemaCheck.VALIDATE) reads the database's catalog and "
                        + "needs a bound database: bind() first, or pass SchemaCheck.NONE");
            }
            Mapping built = Mapping.build(entities, validateRelations);
            built.useJsonCodec(jsonCodec);
            Mono<Void> ddl = createTables ? SchemaCreation.createTables(current.factory(), current.dialect(),
                    current.executor(), built) : Mono.empty();
            boolean readCatalog = current != null && (validateSchema || current.dialect().castsUserDefinedTypes()
                    || SchemaValidator.needsCatalog(built));
            Mono<Void> check = readCatalog ? SchemaValidation.check(current.factory(), current.dialect(),
                    current.executor(), built, validateSchema) : Mono.empty();
            return ddl.then(check).then(Mono.fromRunnable(() -> installMapping(built)));
        });
    }

    private synchronized void installMapping(Mapping built) {
        translator = new LambdaTranslator(built);
        mapping = built;
        Binding current = binding;
        if (current != null) {
            binding = new Binding(current.factory(), current.ownPool(), current.dialect(), current.executor(),
                    newRuntime(current.factory(), current.dialect(), current.executor(), built));
        }
    }

    /**
     * The mapping.
     *
     * @return the mapping
     * @throws IllegalStateException before {@code generateMapping}
     */
    public Mapping mapping() {
        Mapping current = mapping;
        if (current == null) {
            throw new IllegalStateException("The mapping is not generated: call generateMapping() first");
        }
        return current;
    }

    /**
     * Translates a lambda into a condition.
     *
     * @param predicate the lambda
     * @param entityClass its entity
     * @return the condition
     */
    public Condition translate(Where<?> predicate, Class<?> entityClass) {
        mapping();
        return translator.translate(predicate, entityClass);
    }

    /**
     * The runtime of the bound, mapped database.
     *
     * @return the runtime
     * @throws IllegalStateException before {@code generateMapping} or {@code bind}
     */
    public DatabaseRuntime runtime() {
        Binding current = binding;
        if (current == null || current.runtime() == null) {
            mapping();
            requireBound();
            throw new IllegalStateException("This database is not ready");
        }
        return current.runtime();
    }

    private Binding requireBound() {
        Binding current = binding;
        if (current == null) {
            throw new IllegalStateException("This database is not bound: call bind() first");
        }
        return current;
    }

    /**
     * The bound dialect.
     *
     * @return the dialect
     * @throws IllegalStateException before {@code bind}
     */
    public Dialect dialect() {
        return requireBound().dialect();
    }

    /**
     * The session's connection inside a session, else a new pooled one.
     *
     * @return the connection
     */
    public Mono<Connection> connection() {
        return Mono.defer(() -> {
            Binding current = requireBound();
            return current.runtime() != null ? current.runtime().connection() : Mono.from(current.factory().create());
        });
    }

    /**
     * Runs hand-written SQL, returning the changed rows.
     *
     * @param sql SQL with {@code ?} markers
     * @param args the values
     * @return the changed rows
     */
    public Mono<Long> execute(String sql, Object... args) {
        return Mono.defer(() -> {
            Binding current = requireBound();
            SqlStatement statement = rawStatement(current, sql, args);
            return withConnection(current, connection -> current.executor().update(connection, statement)).next();
        });
    }

    /**
     * Runs a hand-written SELECT, returning its rows as case-insensitive maps.
     *
     * @param sql SQL with {@code ?} markers
     * @param args the values
     * @return the rows
     */
    public Mono<List<Map<String, Object>>> selectRaw(String sql, Object... args) {
        return Mono.defer(() -> {
            Binding current = requireBound();
            SqlStatement statement = rawStatement(current, sql, args);
            return withConnection(current, connection -> current.executor().query(connection, statement, row -> {
                List<? extends ColumnMetadata> columns = ((Row) row).getMetadata().getColumnMetadatas();
                Map<String, Object> values = new RowMap(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i).getName(), row.get(i));
                }
                return values;
            })).collectList();
        });
    }

    private static SqlStatement rawStatement(Binding current, String sql, Object[] args) {
        return SqlRenderer.raw(current.dialect(), sql, args == null ? List.of() : Arrays.asList(args));
    }

    private static <T> Flux<T> withConnection(Binding current, Function<Connection, ? extends Publisher<T>> work) {
        if (current.runtime() != null) {
            return current.runtime().withConnection(work);
        }
        return Flux.usingWhen(current.factory().create(), work, InterruptedConnections::release);
    }
}
