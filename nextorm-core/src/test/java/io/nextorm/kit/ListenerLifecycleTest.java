package io.nextorm.kit;

import io.nextorm.AsyncDatabase;
import io.nextorm.spi.SessionListener;
import io.nextorm.spi.StatementInfo;
import io.nextorm.spi.StatementListener;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Sample;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ListenerLifecycleTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Sample.class);
    }

    private AsyncDatabase unbound() {
        return new AsyncDatabase(List.of());
    }

    private void bind(AsyncDatabase database) {
        StepVerifier.create(database.bind(target.provider(), target.url(), Map.of())).verifyComplete();
    }

    private static void selectOne(AsyncDatabase database) {
        StepVerifier.create(database.selectRaw("SELECT 1")).expectNextCount(1).verifyComplete();
    }

    @Test
    void aStatementListenerAddedBeforeBindHearsTheFirstStatement() {
        AsyncDatabase database = unbound();
        List<StatementInfo> heard = new CopyOnWriteArrayList<>();
        database.addStatementListener(heard::add);
        bind(database);
        try {
            selectOne(database);
            assertThat(heard).singleElement().satisfies(info -> {
                assertThat(info.sql()).isEqualTo("SELECT 1");
                assertThat(info.operation()).isEqualTo("select");
                assertThat(info.entity()).isNull();
                assertThat(info.rows()).isEqualTo(1L);
                assertThat(info.failed()).isFalse();
            });
        } finally {
            database.close().block(TIMEOUT);
        }
    }

    @Test
    void listenersAndStatisticsSurviveCloseAndBind() {
        AsyncDatabase database = unbound();
        List<StatementInfo> heard = new CopyOnWriteArrayList<>();
        database.addStatementListener(heard::add);
        bind(database);
        selectOne(database);
        StepVerifier.create(database.close()).verifyComplete();
        assertThat(database.lastSql()).isEqualTo("SELECT 1");
        bind(database);
        try {
            selectOne(database);
            assertThat(heard).hasSize(2);
            assertThat(database.localStats().get("SELECT 1").count()).isEqualTo(2L);
        } finally {
            database.close().block(TIMEOUT);
        }
    }

    @Test
    void aRemovedStatementListenerHearsNothingMore() {
        AsyncDatabase database = unbound();
        List<StatementInfo> heard = new CopyOnWriteArrayList<>();
        StatementListener listener = heard::add;
        database.addStatementListener(listener);
        bind(database);
        try {
            selectOne(database);
            assertThat(database.removeStatementListener(listener)).isTrue();
            assertThat(database.removeStatementListener(listener)).isFalse();
            selectOne(database);
            assertThat(heard).hasSize(1);
        } finally {
            database.close().block(TIMEOUT);
        }
    }

    @Test
    void aFailedStatementReachesTheListenerWithItsError() {
        AsyncDatabase database = unbound();
        List<StatementInfo> heard = new CopyOnWriteArrayList<>();
        database.addStatementListener(heard::add);
        bind(database);
        try {
            StepVerifier.create(database.execute("DELETE FROM no_such_table_here")).expectError().verify(TIMEOUT);
            assertThat(heard).singleElement().satisfies(info -> {
                assertThat(info.failed()).isTrue();
                assertThat(info.operation()).isEqualTo("delete");
            });
        } finally {
            database.close().block(TIMEOUT);
        }
    }

    @Test
    void listenerMethodsRefuseNullAndRemovalOfAStrangerIsFalse() {
        AsyncDatabase database = unbound();
        assertThatIllegalArgumentException().isThrownBy(() -> database.addStatementListener(null))
                .withMessageContaining("addStatementListener()");
        assertThat(database.removeStatementListener(null)).isFalse();
        assertThat(database.removeStatementListener(info -> { })).isFalse();
        assertThat(database.removeSessionListener(null)).isFalse();
        assertThat(database.removeSessionListener(new SessionListener() { })).isFalse();
    }
}
