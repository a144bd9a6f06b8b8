package io.nextorm.internal.session;

import io.nextorm.internal.mapping.Mapping;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order and grouping of a flush's INSERTs; no database. */
class InsertPlanTest {

    private final Mapping mapping = Mapping.build(List.of(Article.class, Author.class, Tag.class), true);

    @Test
    void aReferencedNewObjectIsInsertedBeforeTheObjectThatRefersToIt() {
        Author ann = new Author("ann");
        Article first = new Article("first");
        first.setAuthor(ann);
        List<InsertPlan.Group> plan = InsertPlan.of(mapping, List.of(first, ann));
        assertThat(plan).extracting(group -> (Object) group.model().type()).containsExactly(Author.class, Article.class);
    }

    @Test
    void newObjectsOfOneTableAndWaveFormOneGroupInTheOrderTheyWereAdded() {
        Tag a = new Tag("a");
        Author ann = new Author("ann");
        Tag b = new Tag("b");
        Tag c = new Tag("c");
        List<InsertPlan.Group> plan = InsertPlan.of(mapping, List.of(a, ann, b, c));
        assertThat(plan).hasSize(2);
        InsertPlan.Group tags = plan.stream().filter(group -> group.model().type() == Tag.class).findFirst().orElseThrow();
        assertThat(tags.entities()).containsExactly(a, b, c);
        assertThat(tags.withKey()).isFalse();
    }

    @Test
    void objectsWithTheirKeysAreGroupedApartFromObjectsWhoseKeysAreGenerated() {
        Tag generated = new Tag("g");
        Tag keyed = new Tag("k");
        keyed.id = 42L;
        List<InsertPlan.Group> plan = InsertPlan.of(mapping, List.of(generated, keyed));
        assertThat(plan).extracting(InsertPlan.Group::withKey).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void noNewObjectsMakeAnEmptyPlan() {
        assertThat(InsertPlan.of(mapping, List.of())).isEmpty();
    }
}
