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
        return database.generateMapping(target == TestDatabase.SQLITE || target == TestDatabase.SQLITE_MEMORY
                ? SchemaCheck.NONE : SchemaCheck.VALIDATE, true);
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
            case MARIADB -> List.of("CREATE TABLE ar_post (id INT PRIMARY KEY, labels VARCHAR(200) NOT NULL,"
                    + " tags SET('x', 'y', 'z', 'Deleted Scenes') NULL)");
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
    void withoutArraysTheElementsAreKeptInASetOrTextColumnSeparatedByCommas() {
        Assumptions.assumeFalse(arrays());
        await(db.execute("INSERT INTO ar_post (id, labels, tags) VALUES (1, 'a,b', 'z,Deleted Scenes')"));
        await(db.execute("INSERT INTO ar_post (id, labels, tags) VALUES (2, '', NULL)"));

        List<Post> posts = await(db.aselect(Post.class).orderBy(ArrayColumnTest_Post_.id.asc()).fetchAll());
        assertThat(posts.get(0).labels).containsExactly("a", "b");
        assertThat(posts.get(0).tags).containsExactlyInAnyOrder("z", "Deleted Scenes");
        assertThat(posts.get(1).labels).isEmpty();
        assertThat(posts.get(1).tags).isNull();

        await(db.session(s -> db.getByKey(Post.class, 2).doOnNext(p -> {
            p.labels = new String[] {"c", "d"};
            p.tags = new ArrayList<>(List.of("x", "y"));
        })));
        assertThat(await(db.selectRaw("SELECT labels, tags FROM ar_post WHERE id = 2")).get(0).values())
                .extracting(Object::toString).containsExactly("c,d", "x,y");

        Post comma = await(db.getByKey(Post.class, 1));
        comma.labels = new String[] {"has,comma"};
        assertThatThrownBy(() -> await(db.asave(comma))).hasStackTraceContaining("separated by commas")
                .hasStackTraceContaining("'has,comma'");
        assertThat(await(db.selectRaw("SELECT labels FROM ar_post WHERE id = 1")).get(0).values())
                .extracting(Object::toString).containsExactly("a,b");
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
