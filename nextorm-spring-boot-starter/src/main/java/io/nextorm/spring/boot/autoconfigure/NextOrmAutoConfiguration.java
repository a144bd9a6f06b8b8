package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.spi.JacksonJsonCodec;
import io.nextorm.spi.JsonCodec;
import io.nextorm.spi.TransactionSupport;
import io.nextorm.spring.transaction.SpringTransactionSupport;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.ReactiveTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Auto-configuration of an {@link AsyncDatabase} over the application's R2DBC
 * {@link ConnectionFactory}: the one Spring Boot builds from {@code spring.r2dbc.*}, or an embedded
 * H2 database when nothing is configured.
 *
 * <pre>{@code
 * @RestController
 * class ArticleController {
 *     private final AsyncDatabase db;
 *     ArticleController(AsyncDatabase db) { this.db = db; }
 *
 *     @GetMapping("/articles")
 *     Mono<List<Article>> articles() {
 *         return db.aselect(Article.class).orderBy(Article_.title.asc()).fetchAll();
 *     }
 * }
 * }</pre>
 *
 * The entities are those of {@code nextorm.entity-packages}, by default of the application's
 * package, read from the entity index that nextorm's annotation processor writes.
 *
 * <p>When the application has one {@link ReactiveTransactionManager} (Spring Boot's
 * {@code R2dbcTransactionManager}), nextorm's sessions are Spring's reactive transactions: a
 * {@link SpringTransactionSupport} is set on the database (see there). A {@link TransactionSupport}
 * bean of the application's own replaces it.
 *
 * <p>{@code @Json} fields are written and read with the application's Jackson {@code JsonMapper}
 * bean when there is one (a {@link JsonCodec} bean replaces it).
 *
 * @see NextOrmProperties
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(AsyncDatabase.class)
@ConditionalOnSingleCandidate(ConnectionFactory.class)
@ConditionalOnProperty(prefix = "nextorm", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(NextOrmProperties.class)
public final class NextOrmAutoConfiguration {

    /**
     * Creates the auto-configuration; called by Spring.
     */
    public NextOrmAutoConfiguration() {
    }

    /**
     * The database, bound to the connection factory and mapped, its schema checked as
     * {@code nextorm.schema} says (validated by default; missing tables created with {@code create}).
     *
     * <p>Starting blocks, once, while the application context starts, for at most
     * {@code nextorm.startup-timeout}: a bean must be ready when it is injected, and bad entities,
     * an unsupported or unreachable database or a wrong schema should stop the application here,
     * with a failure analysis, rather than surface on its first request. The database is reached
     * once (a validated connection) even when no table is created. This is the one place nextorm
     * blocks; no request thread runs yet.
     *
     * <p>On shutdown Spring subscribes to {@link AsyncDatabase#close()} and awaits it; it leaves
     * the connection factory open, since Spring Boot owns and disposes of it.
     *
     * @param connectionFactory the application's connection factory
     * @param properties nextorm's settings
     * @param beanFactory the bean factory, for the application's packages and class loader
     * @param transactionSupport how sessions get their transactions, when the application has one
     *                           such bean (by default the one over Spring's transaction manager)
     * @param jsonCodec the codec of {@code @Json} fields: the application's, or one over its {@code JsonMapper}
     * @param customizers hooks applied, in order, before the database is bound
     * @return the database, ready for queries
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public AsyncDatabase asyncDatabase(ConnectionFactory connectionFactory, NextOrmProperties properties,
                                       ConfigurableListableBeanFactory beanFactory,
                                       ObjectProvider<TransactionSupport> transactionSupport,
                                       ObjectProvider<JsonCodec> jsonCodec,
                                       ObjectProvider<NextOrmCustomizer> customizers) {
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        if (classLoader == null) {
            classLoader = NextOrmAutoConfiguration.class.getClassLoader();
        }
        List<String> packages = entityPackages(properties, beanFactory);
        List<Class<?>> entities = IndexedEntities.in(classLoader, packages);
        DatabaseStartup.requireEntities(entities, packages);
        AsyncDatabase db = new AsyncDatabase(entities);
        transactionSupport.ifUnique(db::setTransactionSupport);
        jsonCodec.ifUnique(db::setJsonCodec);
        customizers.orderedStream().forEach(customizer -> customizer.customize(db));
        DatabaseStartup.start(db, connectionFactory, properties);
        return db;
    }

    /**
     * Sessions in Spring's reactive transactions, when the application has one transaction manager.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ReactiveTransactionManager.class, ConnectionFactoryUtils.class})
    @ConditionalOnSingleCandidate(ReactiveTransactionManager.class)
    static class SpringTransactionConfiguration {

        /**
         * nextorm's transaction SPI over the application's transaction manager.
         *
         * @param transactionManager the manager (Spring Boot's {@code R2dbcTransactionManager})
         * @return the transaction support set on the database
         */
        @Bean
        @ConditionalOnMissingBean(TransactionSupport.class)
        SpringTransactionSupport nextOrmTransactionSupport(ReactiveTransactionManager transactionManager) {
            return new SpringTransactionSupport(transactionManager);
        }
    }

    /**
     * {@code @Json} fields written and read with the application's Jackson 3 {@link JsonMapper} (its naming
     * strategy and modules apply), when it has one; a {@link JsonCodec} bean of its own replaces it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapper.class)
    static class JacksonCodecConfiguration {

        /**
         * The codec over the application's mapper, or over a default one.
         *
         * @param jsonMapper the application's mapper (Spring Boot's, from {@code spring.jackson.*})
         * @return the codec set on the database
         */
        @Bean
        @ConditionalOnMissingBean(JsonCodec.class)
        JacksonJsonCodec nextOrmJsonCodec(ObjectProvider<JsonMapper> jsonMapper) {
            JsonMapper mapper = jsonMapper.getIfUnique();
            return mapper == null ? new JacksonJsonCodec() : new JacksonJsonCodec(mapper);
        }
    }

    private static List<String> entityPackages(NextOrmProperties properties, BeanFactory beanFactory) {
        if (!properties.getEntityPackages().isEmpty()) {
            return properties.getEntityPackages();
        }
        if (AutoConfigurationPackages.has(beanFactory)) {
            return AutoConfigurationPackages.get(beanFactory);
        }
        return List.of();
    }
}
