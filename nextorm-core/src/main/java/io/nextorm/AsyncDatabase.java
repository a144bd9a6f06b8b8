package io.nextorm;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.session.ConnectionTransactionSupport;
import io.nextorm.internal.session.DatabaseRuntime;
import io.nextorm.mapping.Table;
import io.nextorm.processor.EntityIndex;
import io.nextorm.spi.TransactionSupport;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A database of entities on R2DBC: the entry point of nextorm.
 *
 * <pre>{@code
 * AsyncDatabase db = new AsyncDatabase(List.of(Author.class, Article.class));
 * db.bind("h2", "mem:blog", Map.of())
 *   .then(db.generateMapping(true, true))
 *   .block();                                              // at startup only
 *
 * Mono<List<Article>> popular = db.aselect(Article.class)
 *         .filter(Article_.views.gt(100))
 *         .orderBy(Article_.title.asc())
 *         .fetchAll();
 * }</pre>
 *
 * Every I/O method returns a {@link Mono} or {@link Flux} that does nothing until subscribed.
 * Outside a {@link #session(Function) session} each call runs on its own pooled connection in
 * auto-commit mode.
 */
public class AsyncDatabase extends DatabaseSessions {

    private final Set<Class<?>> registered = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * A database of every {@code @Entity} on the class path, read from the index files that the
     * annotation processor writes (through the thread's context class loader).
     *
     * @throws MappingException when an indexed class cannot be loaded
     */
    public AsyncDatabase() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        registered.addAll(EntityIndex.load(loader == null ? AsyncDatabase.class.getClassLoader() : loader, name -> true));
    }

    /**
     * A database of the given entity classes.
     *
     * @param entities the entity classes
     */
    public AsyncDatabase(List<Class<?>> entities) {
        if (entities == null) {
            throw new IllegalArgumentException("The entity list is null: pass the entity classes, or use new AsyncDatabase()");
        }
        register(entities.toArray(new Class<?>[0]));
    }

    /**
     * Adds entity classes; only before {@link #generateMapping}.
     *
     * @param classes entity classes, each annotated with {@code @Entity}
     * @throws IllegalStateException after {@link #generateMapping}
     * @throws IllegalArgumentException for a class without {@code @Entity}
     */
    public void register(Class<?>... classes) {
        if (state.isMapped()) {
            throw new IllegalStateException("register() must come before generateMapping(): the mapping is built");
        }
        for (Class<?> type : classes) {
            if (type == null || !type.isAnnotationPresent(io.nextorm.annotation.Entity.class)) {
                throw new IllegalArgumentException((type == null ? "null" : type.getName())
                        + " is not an entity: annotate it with @io.nextorm.annotation.Entity");
            }
            registered.add(type);
        }
    }

    /**
     * The entities, by entity name (the class's simple name).
     *
     * @return an unmodifiable map of name to class
     */
    public Map<String, Class<?>> entities() {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        synchronized (registered) {
            for (Class<?> type : registered) {
                byName.put(type.getSimpleName(), type);
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * Binds to a database through a named provider, with a connection pool (r2dbc-pool), and checks
     * that a connection can be opened.
     *
     * <pre>{@code
     * db.bind("h2", "mem:test", Map.of());
     * db.bind("postgres", "r2dbc:postgresql://127.0.0.1:5432/test", Map.of("user", "postgres"));
     * db.bind("mariadb", "127.0.0.1:3306/test", Map.of("user", "root", "pool.maxSize", 20));
     * }</pre>
     *
     * @param provider {@code "h2"}, {@code "postgres"} or {@code "mariadb"}
     * @param url an R2DBC URL, or the short form {@code mem:name} / {@code file:path} (H2) and
     *            {@code host:port/database} (PostgreSQL, MariaDB)
     * @param options driver options ({@code user}, {@code password}, ...) and pool options
     *                ({@code pool.maxSize}, {@code pool.initialSize}); may be empty
     * @return completion once a connection was opened and closed
     */
    public Mono<Void> bind(String provider, String url, Map<String, ?> options) {
        return state.bind(provider, url, options);
    }

    /**
     * Binds to an existing connection factory (for example Spring Boot's pool); the dialect is
     * read from the factory's metadata. The caller keeps ownership: {@link #close()} leaves it open.
     *
     * @param connectionFactory the factory
     * @return completion
     */
    public Mono<Void> bind(ConnectionFactory connectionFactory) {
        return state.bind(connectionFactory);
    }

    /**
     * Binds to an existing connection factory with an explicit dialect.
     *
     * @param connectionFactory the factory
     * @param databaseDialect the dialect to speak
     * @return completion
     */
    public Mono<Void> bind(ConnectionFactory connectionFactory, Dialect databaseDialect) {
        return state.bind(connectionFactory, databaseDialect);
    }

    /**
     * Unbinds; closes the pool that {@link #bind(String, String, Map)} created (a factory passed to
     * {@link #bind(ConnectionFactory)} stays open).
     *
     * @return completion
     */
    public Mono<Void> close() {
        return state.close();
    }

    /**
     * Sets how sessions get their transactions (the transaction SPI); the default,
     * {@link ConnectionTransactionSupport}, begins and commits on a plain R2DBC connection of the
     * bound pool. The Spring Boot starter sets one over Spring's {@code ReactiveTransactionManager}.
     * May be called at any time; sessions already running keep theirs.
     *
     * <pre>{@code
     * db.setTransactionSupport(ConnectionTransactionSupport.create(IsolationLevel.SERIALIZABLE));
     * }</pre>
     *
     * @param support the implementation
     * @throws IllegalArgumentException for null
     */
    public void setTransactionSupport(TransactionSupport support) {
        state.setTransactionSupport(support);
    }

    /**
     * Sets how {@link io.nextorm.annotation.Json} fields are written and read; only before
     * {@link #generateMapping}. Without one, Jackson 3 is used when it is on the class path.
     *
     * <pre>{@code
     * db.setJsonCodec(new JacksonJsonCodec(applicationJsonMapper));
     * }</pre>
     *
     * @param codec the codec
     * @throws IllegalArgumentException for null
     * @throws IllegalStateException after {@link #generateMapping}
     */
    public void setJsonCodec(io.nextorm.spi.JsonCodec codec) {
        state.setJsonCodec(codec);
    }

    /**
     * How sessions get their transactions.
     *
     * @return the transaction SPI implementation
     */
    public TransactionSupport transactionSupport() {
        return state.transactionSupport();
    }

    /**
     * Whether the database is bound.
     *
     * @return true after a successful bind, until close
     */
    public boolean isBound() {
        return state.isBound();
    }

    /**
     * Builds the mapping with relations validated, creating no tables: {@code generateMapping(false, true)}.
     *
     * @return completion
     */
    public Mono<Void> generateMapping() {
        return generateMapping(false, true);
    }

    /**
     * Builds the mapping of the registered entities and, if asked, creates the missing tables
     * ({@code CREATE TABLE IF NOT EXISTS}, referenced tables first, then indexes).
     *
     * @param createTables whether to create the tables (needs a bound database)
     * @param validateRelations whether every {@code Set} relation must have exactly one reverse side
     * @return completion
     */
    public Mono<Void> generateMapping(boolean createTables, boolean validateRelations) {
        return Mono.defer(() -> state.generateMapping(new ArrayList<>(registered), createTables, validateRelations));
    }

    /**
     * Builds the mapping of the registered entities and checks it against the database's schema.
     *
     * <pre>{@code
     * db.generateMapping(SchemaCheck.VALIDATE, true)   // one MappingException listing every mismatch
     * }</pre>
     *
     * @param schemaCheck {@link SchemaCheck#VALIDATE} reads the catalog and fails with one
     *                    {@link MappingException} listing every missing table, missing column,
     *                    nullability and type mismatch; {@link SchemaCheck#CREATE} creates the missing
     *                    tables first; {@link SchemaCheck#NONE} checks nothing
     * @param validateRelations whether every {@code Set} relation must have exactly one reverse side
     * @return completion
     */
    public Mono<Void> generateMapping(SchemaCheck schemaCheck, boolean validateRelations) {
        if (schemaCheck == null) {
            return Mono.error(new IllegalArgumentException("schemaCheck is null: pass SchemaCheck.VALIDATE, CREATE or NONE"));
        }
        return Mono.defer(() -> state.generateMapping(new ArrayList<>(registered), schemaCheck == SchemaCheck.CREATE,
                schemaCheck != SchemaCheck.NONE, validateRelations));
    }

    /**
     * A copy of the mapped schema.
     *
     * @return table name to table, in creation order
     * @throws IllegalStateException before {@link #generateMapping}
     */
    public Map<String, Table> schema() {
        Map<String, Table> copy = new LinkedHashMap<>();
        for (Table table : state.mapping().creationOrder()) {
            copy.put(table.name(), table);
        }
        return copy;
    }

    /**
     * A query of all objects of an entity, to narrow with {@code filter}, {@code orderBy}, ...
     *
     * @param entityClass the entity
     * @param <T> the entity type
     * @return the query set
     * @throws IllegalStateException before {@link #generateMapping}
     * @throws IllegalArgumentException for a class that is not a mapped entity
     */
    public <T> AsyncQuerySet<T> aselect(Class<T> entityClass) {
        if (entityClass == null) {
            throw new IllegalArgumentException("aselect() needs an entity class, got null");
        }
        state.mapping().entity(entityClass);
        return new AsyncQuerySet<>(state, entityClass);
    }

    /**
     * A projection: the values of attributes and expressions instead of entities, as {@link Tuple}s
     * (or records, with {@link AsyncSelect#as(Class)}):
     * {@code db.select(Student_.group, Student_.gpa.avg()).groupBy(Student_.group)}. See docs/queries.md.
     *
     * @param columns what to select, in order
     * @return the projection
     * @throws IllegalStateException before {@link #generateMapping}
     * @throws IllegalArgumentException for no columns, a null one, or none that names an entity
     */
    public AsyncSelect<Tuple> select(Selectable<?>... columns) {
        return AsyncSelect.of(state, columns);
    }

    /**
     * Saves an object: INSERT when its key is null (a generated key is set on it), UPDATE of its
     * columns when the key is set. Hooks run around the write. Inside a session the write goes out
     * at once on the session's connection and the object joins the identity map; an object the
     * session loaded writes only its changed columns, with the optimistic check.
     *
     * @param entity the object
     * @param <T> the entity type
     * @return the same object, saved
     * @throws IllegalStateException (in the Mono) for a reference that was loaded only by its key
     *         (saving it would write NULLs over the row's real values)
     */
    public <T> Mono<T> asave(T entity) {
        return Mono.defer(() -> {
            modelOf(entity, "asave");
            return runtime().writer().save(entity);
        });
    }

    /**
     * INSERTs an object, also when its key is set.
     *
     * @param entity the object
     * @param <T> the entity type
     * @return the same object, inserted
     */
    public <T> Mono<T> ainsert(T entity) {
        return Mono.defer(() -> {
            modelOf(entity, "ainsert");
            return runtime().writer().insert(entity);
        });
    }

    /**
     * DELETEs an object's row.
     *
     * @param entity the object
     * @return completion
     * @throws IllegalArgumentException (in the Mono) for an unsaved object
     */
    public Mono<Void> adeleteInstance(Object entity) {
        return Mono.defer(() -> {
            modelOf(entity, "adeleteInstance");
            return runtime().writer().delete(entity);
        });
    }

    /**
     * Flushes the session, then commits its transaction; the session goes on in a new one.
     *
     * @return completion
     * @throws TransactionException (in the Mono) outside a session
     */
    public Mono<Void> acommit() {
        return Mono.defer(() -> runtime().sessions().commit());
    }

    /**
     * Rolls the session's transaction back and clears its identity map; the session goes on in a
     * new transaction.
     *
     * @return completion
     * @throws TransactionException (in the Mono) outside a session
     */
    public Mono<Void> arollback() {
        return Mono.defer(() -> runtime().sessions().rollback());
    }

    /**
     * Writes every new and changed object of the current session (INSERTs in foreign-key order,
     * batched per table; UPDATEs of the changed columns with optimistic checks; join rows); outside
     * a session it does nothing.
     *
     * @return completion
     */
    public Mono<Void> aflush() {
        return Mono.defer(() -> runtime().sessions().flush());
    }

    /**
     * Loads a {@link Lazy} field with one SELECT and caches it on the object: a second call sends
     * nothing. Inside a session the value counts as read (it is not written back unless changed).
     *
     * @param entity a saved object
     * @param fieldName the lazy field's name
     * @param <V> the value type
     * @return the value; empty for NULL
     */
    public <V> Mono<V> loadLazyField(Object entity, String fieldName) {
        return Mono.defer(() -> {
            modelOf(entity, "loadLazyField");
            return runtime().queries().loadLazyField(entity, fieldName);
        });
    }

    /**
     * Loads a {@code Set<T>} relation of one object with one SELECT and sets it on the object (an
     * ordinary set from then on); a set that is loaded already is returned with no query. To load
     * the sets of many objects use {@code prefetch} on their query.
     *
     * <pre>{@code
     * Set<Tag> tags = db.<Tag>loadSet(article, "tags").block();
     * }</pre>
     *
     * @param entity a saved object
     * @param setName the set field's name
     * @param <E> the element type
     * @return the set
     * @throws IllegalArgumentException (in the Mono) for a field that is not a set, or an unsaved object
     */
    public <E> Mono<Set<E>> loadSet(Object entity, String setName) {
        return Mono.defer(() -> {
            modelOf(entity, "loadSet");
            return runtime().queries().loadSet(entity, setName);
        });
    }

    /**
     * A connection: inside a session the session's own, in its transaction (its {@code close()}
     * does nothing: the session releases it at its end), otherwise a new pooled one that the caller
     * must close.
     *
     * @return the connection
     */
    public Mono<Connection> getConnection() {
        return state.connection();
    }

    /**
     * The dialect of the bound database.
     *
     * @return the dialect
     * @throws IllegalStateException before {@link #bind}
     */
    public Dialect dialect() {
        return state.dialect();
    }

    private DatabaseRuntime runtime() {
        return state.runtime();
    }

    private EntityModel<?> modelOf(Object entity, String method) {
        if (entity == null) {
            throw new IllegalArgumentException(method + "() needs an entity, got null");
        }
        return state.mapping().entity(entity.getClass());
    }
}
