package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

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
 * @see NextOrmProperties
 */
@AutoConfiguration(after = R2dbcAutoConfiguration.class)
@ConditionalOnClass(AsyncDatabase.class)
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(NextOrmProperties.class)
public final class NextOrmAutoConfiguration {

    /**
     * Creates the auto-configuration; called by Spring.
     */
    public NextOrmAutoConfiguration() {
    }

    /**
     * The database, bound to the connection factory and mapped, its tables created when
     * {@code nextorm.create-tables} is set.
     *
     * <p>Mapping blocks, once, while the application context starts: a bean must be ready when it
     * is injected, and bad entities or an unreachable database should stop the application here,
     * with a failure analysis, rather than surface on its first request. This is the one place
     * nextorm blocks; no request thread runs yet.
     *
     * <p>On shutdown Spring subscribes to {@link AsyncDatabase#close()} and awaits it; it leaves
     * the connection factory open, since Spring Boot owns and disposes of it.
     *
     * @param connectionFactory the application's connection factory
     * @param properties nextorm's settings
     * @param beanFactory the bean factory, for the application's packages and class loader
     * @return the database, ready for queries
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public AsyncDatabase asyncDatabase(ConnectionFactory connectionFactory, NextOrmProperties properties,
                                       ConfigurableListableBeanFactory beanFactory) {
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        if (classLoader == null) {
            classLoader = NextOrmAutoConfiguration.class.getClassLoader();
        }
        AsyncDatabase db = new AsyncDatabase(IndexedEntities.in(classLoader, entityPackages(properties, beanFactory)));
        db.bind(connectionFactory)
                .then(db.generateMapping(properties.isCreateTables(), properties.isValidateRelations()))
                .onErrorResume(error -> db.close().then(Mono.error(error)))
                .block();
        return db;
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
