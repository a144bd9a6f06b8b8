package io.nextorm.kit;

import io.nextorm.SessionOptions;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.DatabaseTestKit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An object's {@code toString()} is the user's code (it may be slow, load relations, or throw): adding,
 * saving and flushing objects never calls it; only the message of a refused write does.
 */
class SessionWritesCallNoToStringTest extends DatabaseTestKit {

    /** Counts the calls of its {@code toString()}. */
    @Entity(table = "to_string_counted")
    static class Counted {
        static final AtomicInteger TO_STRING_CALLS = new AtomicInteger();

        @PrimaryKey Long id;
        String label;

        Counted() {
        }

        Counted(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            TO_STRING_CALLS.incrementAndGet();
            return "Counted(" + label + ")";
        }
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Counted.class);
    }

    @Test
    void addSaveAndFlushLeaveToStringAlone() {
        Counted.TO_STRING_CALLS.set(0);
        List<Counted> added = List.of(new Counted("a"), new Counted("b"), new Counted("c"));
        await(db.session(s -> {
            added.forEach(s::add);
            return Mono.empty();
        }));
        Counted saved = await(db.asave(new Counted("d")));
        saved.label = "e";
        assertThat(await(db.asave(saved)).label).isEqualTo("e");
        await(db.session(s -> db.getByKey(Counted.class, saved.id).doOnNext(c -> c.label = "f")));
        assertThat(added).allSatisfy(c -> assertThat(c.id).isNotNull());
        assertThat(await(db.aselect(Counted.class).count())).isEqualTo(4L);
        assertThat(await(db.getByKey(Counted.class, saved.id)).label).isEqualTo("f");
        assertThat(Counted.TO_STRING_CALLS.get()).as("toString() calls").isZero();
    }

    @Test
    void aRefusedAddStillNamesTheObject() {
        Counted.TO_STRING_CALLS.set(0);
        assertThatThrownBy(() -> await(db.session(SessionOptions.readOnly(), s -> Mono.just(s.add(new Counted("x"))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add() of Counted Counted(x) in a read-only session");
        assertThat(Counted.TO_STRING_CALLS.get()).isEqualTo(1);
        assertThatThrownBy(() -> await(db.session(SessionOptions.readOnly(), s -> db.asave(new Counted("y")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asave() of Counted[new] in a read-only session");
        assertThat(await(db.aselect(Counted.class).count())).isZero();
    }
}
