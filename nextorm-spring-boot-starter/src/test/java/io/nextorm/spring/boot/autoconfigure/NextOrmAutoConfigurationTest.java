package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.spring.boot.autoconfigure.broken.Note;
import io.nextorm.spring.boot.autoconfigure.fixture.Book;
import io.nextorm.spring.boot.autoconfigure.fixture.Book_;
import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
import io.nextorm.spring.boot.autoconfigure.unpaired.Board;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NextOrmAutoConfigurationTest {

    // a database of its own for each context: the embedded one outlives its context (DB_CLOSE_DELAY=-1)
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class))
            .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.schema=none");

    @Test
    void databaseIsBoundToTheEmbeddedH2AndMapsTheApplicationPackage() {
        runner.withUserConfiguration(FixtureConfiguration.class).run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            assertThat(db.isBound()).isTrue();
            assertThat(db.dialect().getClass().getSimpleName()).isEqualTo("H2Dialect");
            assertThat(db.entities()).containsOnlyKeys("Book", "Shelf");
            assertThat(db.schema()).containsKeys("book", "shelf");
        });
    }

    @Test
    void tablesAreCreatedWhenAsked() {
        runner.withUserConfiguration(FixtureConfiguration.class)
                .withPropertyValues("nextorm.schema=create")
                .run(context -> {
                    AsyncDatabase db = context.getBean(AsyncDatabase.class);
                    db.asave(Shelf.named("fiction"))
                            .flatMap(shelf -> db.asave(Book.titled("Dune", shelf)))
                            .then(db.aselect(Book.class).filter(Book_.shelf.then(Shelf_.name).eq("fiction")).fetchAll())
                            .as(StepVerifier::create)
                            .assertNext(books -> assertThat(books).extracting(Book::getTitle).containsExactly("Dune"))
                            .verifyComplete();
                });
    }

    @Test
    void tablesAreNotCreatedByDefaultTheSchemaIsValidated() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class))
                .withPropertyValues("spring.r2dbc.generate-unique-name=true")
                .withUserConfiguration(FixtureConfiguration.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("missing table");
        });
    }

    @Test
    void entityPackagesReplaceTheApplicationPackage() {
        runner.withUserConfiguration(FixtureConfiguration.class)
                .withPropertyValues("nextorm.entity-packages=io.nextorm.spring.boot.autoconfigure.unpaired",
                        "nextorm.validate-relations=false")
                .run(context -> assertThat(context.getBean(AsyncDatabase.class).entities())
                        .containsOnlyKeys("Board", "Pin"));
    }

    @Test
    void entityPackagesIncludeSubpackages() {
        // Note lies in a subpackage of io.nextorm.spring.boot; relations unchecked, it is the only bad entity
        runner.withPropertyValues("nextorm.entity-packages=io.nextorm.spring.boot.autoconfigure.fixture,"
                        + "io.nextorm.spring.boot", "nextorm.validate-relations=false")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().isInstanceOf(MappingException.class)
                        .hasMessageContaining(Note.class.getName()));
    }

    @Test
    void relationWithoutReverseSideFailsStartupWhileValidated() {
        runner.withPropertyValues("nextorm.entity-packages=io.nextorm.spring.boot.autoconfigure.unpaired")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().isInstanceOf(MappingException.class)
                        .hasMessageContaining(Board.class.getName() + ".pins"));
    }

    @Test
    void entityWithoutPrimaryKeyFailsStartupWithAnAnalysis() {
        runner.withPropertyValues("nextorm.entity-packages=io.nextorm.spring.boot.autoconfigure.broken")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(new MappingFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                            .isEqualTo("nextorm could not map the entities: " + Note.class.getName()
                                    + " has no primary key: annotate one field with @PrimaryKey (several for a composite key)");
                });
    }

    @Test
    void userDefinedDatabaseWins() {
        runner.withUserConfiguration(FixtureConfiguration.class, OwnDatabaseConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(AsyncDatabase.class);
            assertThat(context.getBean(AsyncDatabase.class)).isSameAs(context.getBean("ownDatabase"));
            assertThat(context.getBean(AsyncDatabase.class).isBound()).isFalse();
        });
    }

    @Test
    void backsOffWithoutNextOrmOnTheClassPath() {
        runner.withUserConfiguration(FixtureConfiguration.class)
                .withClassLoader(new FilteredClassLoader(AsyncDatabase.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AsyncDatabase.class));
    }

    @Test
    void backsOffWithoutConnectionFactory() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NextOrmAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AsyncDatabase.class));
    }

    @Test
    void databaseIsClosedWithTheContext() {
        AsyncDatabase[] db = new AsyncDatabase[1];
        runner.withUserConfiguration(FixtureConfiguration.class)
                .run(context -> db[0] = context.getBean(AsyncDatabase.class));
        assertThat(db[0].isBound()).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDatabaseConfiguration {

        @Bean
        AsyncDatabase ownDatabase() {
            return new AsyncDatabase(List.of(Shelf.class, Book.class));
        }
    }
}
