package io.nextorm.sql;

import io.nextorm.AsyncDatabase;
import io.nextorm.dialect.AbstractDialect;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every shipped dialect has SKIP LOCKED; this one, made for the test, has not.
 */
class SkipLockedRefusalTest {

    /** H2's SQL without FOR UPDATE SKIP LOCKED. */
    static final class NoSkipLockedDialect extends AbstractDialect {
        NoSkipLockedDialect() {
            super(Set.of("ORDER", "USER"));
        }

        @Override
        public String name() {
            return "no-skip-locked";
        }

        @Override
        protected String quote(String identifier) {
            return '"' + identifier.toUpperCase(Locale.ROOT) + '"';
        }

        @Override
        protected String textType() {
            return "CHARACTER VARYING";
        }

        @Override
        protected String binaryType() {
            return "BINARY VARYING";
        }

        @Override
        protected String timestampWithTimeZoneType() {
            return "TIMESTAMP WITH TIME ZONE";
        }

        @Override
        public String listTablesSql() {
            return "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA";
        }

        @Override
        public String randomFunction() {
            return "RAND()";
        }

        @Override
        public String stringAggregate(String expression, Supplier<String> separator) {
            return "LISTAGG(" + expression + ", " + separator.get() + ")";
        }

        @Override
        public boolean supportsSkipLocked() {
            return false;
        }
    }

    private static AsyncDatabase database() {
        AsyncDatabase db = new AsyncDatabase(List.of(Author.class, io.nextorm.testkit.model.Article.class,
                io.nextorm.testkit.model.Tag.class));
        db.bind(ConnectionFactories.get("r2dbc:h2:mem:///skip-locked-refusal"), new NoSkipLockedDialect())
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
