package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Startup of the auto-configured database: conditions, properties, customizers, checks and analyzers. */
@ExtendWith(OutputCaptureExtension.class)
class NextOrmStartupTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class))
            .withUserConfiguration(FixtureConfiguration.class)
            .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.schema=create");

    @Test
    void enabledFalseLeavesNextOrmOut() {
        runner.withPropertyValues("nextorm.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AsyncDatabase.class));
    }

    @Test
    void twoConnectionFactoriesWithoutAPrimaryOneLeaveNextOrmOut() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NextOrmAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class, TwoFactories.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AsyncDatabase.class));
    }

    @Test
    void aPrimaryConnectionFactoryAmongTwoIsUsed() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NextOrmAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class, TwoFactories.class, PrimaryFactory.class)
                .withPropertyValues("nextorm.schema=none")
                .run(context -> assertThat(context.getBean(AsyncDatabase.class).isBound()).isTrue());
    }

    @Test
    void customizersRunInOrderBeforeTheDatabaseIsBound() {
        runner.withUserConfiguration(Customizers.class).run(context -> {
            assertThat(context.getBean("calls")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly("first, bound=false", "second, bound=false");
            assertThat(context.getBean(AsyncDatabase.class).isBound()).isTrue();
        });
    }

    @Test
    void startupLogsWhatWasMapped(CapturedOutput output) {
        runner.run(context -> assertThat(output).contains("nextorm mapped 2 entities").contains("H2")
                .contains("H2Dialect"));
    }

    @Test
    void noEntitiesInTheEntityPackagesFailStartup() {
        runner.withPropertyValues("nextorm.entity-packages=com.example.typo").run(context -> {
            assertThat(context).hasFailed();
            NextOrmStartupException failure = find(context.getStartupFailure(), NextOrmStartupException.class);
            assertThat(failure.reason()).isEqualTo(NextOrmStartupException.Reason.NO_ENTITIES);
            assertThat(failure).hasMessageContaining("com.example.typo");
        });
    }

    @Test
    void unreachableDatabaseFailsStartup() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://postgres@127.0.0.1:" + closedPort + "/none")
                .run(context -> assertThat(find(context.getStartupFailure(), NextOrmStartupException.class).reason())
                        .isEqualTo(NextOrmStartupException.Reason.UNREACHABLE_DATABASE));
    }

    @Test
    void databaseThatNeverAnswersFailsStartupAfterTheStartupTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            long start = System.nanoTime();
            runner.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://postgres@127.0.0.1:" + silent.getLocalPort()
                            + "/none", "nextorm.startup-timeout=1s", "spring.r2dbc.pool.enabled=false")
                    .run(context -> {
                        NextOrmStartupException failure = find(context.getStartupFailure(), NextOrmStartupException.class);
                        assertThat(failure.reason()).isEqualTo(NextOrmStartupException.Reason.UNREACHABLE_DATABASE);
                        assertThat(failure).hasMessageContaining("nextorm.startup-timeout (PT1S)");
                    });
            assertThat(System.nanoTime() - start).as("bounded wait").isLessThan(20_000_000_000L);
        }
    }

    @Test
    void databaseWithoutADialectFailsStartup() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NextOrmAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class, UnknownDatabase.class)
                .run(context -> {
                    NextOrmStartupException failure = find(context.getStartupFailure(), NextOrmStartupException.class);
                    assertThat(failure.reason()).isEqualTo(NextOrmStartupException.Reason.UNSUPPORTED_DATABASE);
                    assertThat(failure).hasMessageContaining("Oracle");
                });
    }

    @Test
    void nonPositiveStartupTimeoutIsRefused() {
        runner.withPropertyValues("nextorm.startup-timeout=0s").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("nextorm.startup-timeout must be a positive duration"));
    }

    @Test
    void analyzerOfNoEntitiesNamesTheProcessorGradleAndProcFull() {
        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(new NextOrmStartupException(
                NextOrmStartupException.Reason.NO_ENTITIES, "nextorm found no @Entity classes", null));
        assertThat(analysis.getDescription()).contains("no @Entity classes");
        assertThat(analysis.getAction()).contains("annotation processor", "annotationProcessor", "<proc>full</proc>",
                "nextorm.entity-packages");
    }

    @Test
    void analyzerOfAnUnsupportedDatabaseNamesTheDialectSpi() {
        assertThat(new StartupFailureAnalyzer().analyze(new NextOrmStartupException(
                NextOrmStartupException.Reason.UNSUPPORTED_DATABASE, "no dialect for 'Oracle'", null)).getAction())
                .contains("spring.r2dbc.url", "DialectProvider");
    }

    @Test
    void analyzerOfAnUnreachableDatabaseNamesTheUrlAndTheTimeout() {
        assertThat(new StartupFailureAnalyzer().analyze(new NextOrmStartupException(
                NextOrmStartupException.Reason.UNREACHABLE_DATABASE, "could not reach", null)).getAction())
                .contains("spring.r2dbc.url", "nextorm.startup-timeout");
    }

    @Test
    void analyzerOfASetWithoutReverseAsksForTheReverseFieldNotToSwitchValidationOff() {
        FailureAnalysis analysis = new MappingFailureAnalyzer().analyze(new MappingException(
                "The relation a.Board.pins (Set<a.Pin>) has no reverse side: add a field 'Board ...' to a.Pin"));
        assertThat(analysis.getAction()).contains("@Reverse").doesNotContain("validate-relations");
    }

    @Test
    void analyzerOfASchemaMismatchPointsAtMigrationsAndCreation() {
        FailureAnalysis analysis = new MappingFailureAnalyzer().analyze(new MappingException(
                "The schema does not match the entities: missing table shelf (entity Shelf)"));
        assertThat(analysis.getAction()).contains("Flyway", "nextorm.schema=create");
    }

    @Test
    void failureAnalyzersAreRegistered() throws IOException {
        String factories = new String(NextOrmStartupTest.class.getClassLoader()
                .getResourceAsStream("META-INF/spring.factories").readAllBytes());
        assertThat(factories).contains(StartupFailureAnalyzer.class.getName(), MappingFailureAnalyzer.class.getName());
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoFactories {
        @Bean
        ConnectionFactory first() {
            return ConnectionFactories.get("r2dbc:h2:mem:///startup-first");
        }

        @Bean
        ConnectionFactory second() {
            return ConnectionFactories.get("r2dbc:h2:mem:///startup-second");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryFactory {
        @Bean
        @Primary
        ConnectionFactory primaryFactory() {
            return ConnectionFactories.get("r2dbc:h2:mem:///startup-primary");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        @Bean
        List<String> calls() {
            return new ArrayList<>();
        }

        @Bean
        @Order(2)
        NextOrmCustomizer second(List<String> calls) {
            return db -> calls.add("second, bound=" + db.isBound());
        }

        @Bean
        @Order(1)
        NextOrmCustomizer first(List<String> calls) {
            return db -> calls.add("first, bound=" + db.isBound());
        }
    }

    /** A real H2 database that reports itself as a product nextorm has no dialect for. */
    @Configuration(proxyBeanMethods = false)
    static class UnknownDatabase {
        @Bean
        ConnectionFactory unknown() {
            ConnectionFactory h2 = ConnectionFactories.get("r2dbc:h2:mem:///startup-unknown");
            return new ConnectionFactory() {
                @Override
                public Publisher<? extends io.r2dbc.spi.Connection> create() {
                    return h2.create();
                }

                @Override
                public ConnectionFactoryMetadata getMetadata() {
                    return () -> "Oracle";
                }
            };
        }
    }
}
