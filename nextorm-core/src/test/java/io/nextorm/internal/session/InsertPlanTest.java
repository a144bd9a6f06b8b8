package io.nextorm.internal.session;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
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

    /** A new object that refers to another new one of its own entity. */
    @Entity
    public static class Step {
        @PrimaryKey
        public Long id;
        @Nullable
        public Step next;
    }

    private final Mapping steps = Mapping.build(List.of(Step.class), true);

    @Test
    void aChainOfNewObjectsOfOneEntityGoesInWavesLastFirst() {
        Step first = new Step();
        Step second = new Step();
        Step third = new Step();
        first.next = second;
        second.next = third;
        List<InsertPlan.Group> plan = InsertPlan.of(steps, List.of(first, second, third));
        assertThat(plan).extracting(InsertPlan.Group::entities)
                .containsExactly(List.of(third), List.of(second), List.of(first));
    }

    @Test
    void aNewObjectThatRefersToItselfIsRefusedWithWhatToDo() {
        Step loop = new Step();
        loop.next = loop;
        assertThatThrownBy(() -> InsertPlan.of(steps, List.of(loop))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refers to itself").hasMessageContaining("insert it first, then set the reference");
    }

    @Test
    void newObjectsThatReferToEachOtherInACycleAreRefusedWithWhatToDo() {
        Step a = new Step();
        Step b = new Step();
        a.next = b;
        b.next = a;
        assertThatThrownBy(() -> InsertPlan.of(steps, List.of(a, b))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refer to each other in a cycle through Step")
                .hasMessageContaining("with the reference left null, then set it");
    }

    @Test
    void noNewObjectsMakeAnEmptyPlan() {
        assertThat(InsertPlan.of(mapping, List.of())).isEmpty();
    }
}
