package io.nextorm.internal.sql;

import io.nextorm.AsyncDatabase;
import io.nextorm.dialect.Dialect;
import io.nextorm.dialect.H2Dialect;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every shipped dialect has SKIP LOCKED; this one, made for the test, has not.
 */
class SkipLockedRefusalTest {

    /** H2's dialect, but named "no-skip-locked" and without FOR UPDATE SKIP LOCKED. */
    private static Dialect noSkipLocked() {
        Dialect h2 = new H2Dialect();
        return (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(), new Class<?>[]{Dialect.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "no-skip-locked";
                    case "supportsSkipLocked" -> false;
                    default -> method.invoke(h2, args);
                });
    }

    private static AsyncDatabase database() {
        AsyncDatabase db = new AsyncDatabase(List.of(Author.class, io.nextorm.testkit.model.Article.class,
                io.nextorm.testkit.model.Tag.class));
        db.bind(ConnectionFactories.get("r2dbc:h2:mem:///skip-locked-refusal"), noSkipLocked())
                .then(db.generateMapping()).block();
        return db;
    }

    @Test
    void forUpdateSkipLockedIsRefusedWhereTheDialectLacksIt() {
        AsyncDatabase db = database();
        assertThatThrownBy(() -> db.aselect(Author.class).forUpdate(true).getSql())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-skip-locked").hasMessageContaining("SKIP LOCKED");
    }

    @Test
    void forUpdateWithoutSkipLockedStillWorksThere() {
        AsyncDatabase db = database();
        assertThat(db.aselect(Author.class).filter(Author_.name.eq("ann")).forUpdate(false).getSql())
                .isEqualTo("SELECT id, name, email FROM author WHERE name = ? FOR UPDATE");
    }
}
