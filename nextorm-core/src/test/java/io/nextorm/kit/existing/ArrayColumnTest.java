package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.SchemaCheck;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code String[]} and {@code List<String>} fields over array columns: PostgreSQL's {@code text[]}, H2's ARRAY. */
class ArrayColumnTest extends ExistingSchemaKit {

    @Entity(table = "ar_post")
    static class Post {
        @PrimaryKey Integer id;
        String[] labels;
        @Nullable List<String> tags;
    }

    @Entity(table = "ar_bad")
    static class NumberList {
        @PrimaryKey Integer id;
        List<Integer> scores;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Post.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("ar_post");
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(arrays() ? SchemaCheck.VALIDATE : SchemaCheck.NONE, true);
    }

    private boolean arrays() {
        return target == TestDatabase.POSTGRES || target == TestDatabase.H2;
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return switch (database) {
            case POSTGRES -> List.of("CREATE TABLE ar_post (id INT PRIMARY KEY, labels TEXT[] NOT NULL, tags TEXT[] NULL)");
            case H2 -> List.of("CREATE TABLE ar_post (id INT PRIMARY KEY, labels CHARACTER VARYING ARRAY NOT NULL,"
                    + " tags CHARACTER VARYING ARRAY NULL)");
            default -> List.of("CREATE TABLE ar_post (id INT PRIMARY KEY, labels VARCHAR(200) NOT NULL, tags VARCHAR(200) NULL)");
        };
    }

    @Test
    void arraysAreWrittenReadAndUpdated() {
        Assumptions.assumeTrue(arrays(), "arrays are PostgreSQL's and H2's");
        Post post = new Post();
        post.id = 1;
        post.labels = new String[] {"a", "b"};
        post.tags = new ArrayList<>(List.of("x", "y", "z"));
        await(db.session(s -> Mono.fromRunnable(() -> s.add(post))));

        Post loaded = await(db.aselect(Post.class).filter(ArrayColumnTest_Post_.id.eq(1)).getOrRaise());
        assertThat(loaded.labels).containsExactly("a", "b");
        assertThat(loaded.tags).containsExactly("x", "y", "z");

        await(db.session(s -> db.aselect(Post.class).filter(ArrayColumnTest_Post_.id.eq(1)).getOrRaise()
                .doOnNext(p -> {
                    p.labels = new String[] {"c"};
                    p.tags = null;
                })));
        Post updated = await(db.aselect(Post.class).filter(ArrayColumnTest_Post_.id.eq(1)).getOrRaise());
        assertThat(updated.labels).containsExactly("c");
        assertThat(updated.tags).isNull();
    }

    @Test
    void aListOfAnythingButStringsIsAMappingError() {
        assertThatThrownBy(() -> Mapping.build(List.of(NumberList.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("NumberList.scores").hasMessageContaining("List<String>");
    }

    @Test
    void creatingAnArrayColumnWhereThereAreNoneSaysWhere() {
        Assumptions.assumeFalse(arrays());
        assertThatThrownBy(() -> db.dialect().columnType(new io.nextorm.mapping.Column("tags", List.class, true, false,
                0, 0, 0, false, null))).hasMessageContaining("has no array columns");
    }
}
