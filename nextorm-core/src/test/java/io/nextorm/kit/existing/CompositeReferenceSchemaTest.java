package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.SqlExecutionException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.kit.existing.CompositeReferenceTest.Edition;
import io.nextorm.kit.existing.CompositeReferenceTest.Review;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema side of references to composite-keyed entities, over {@link CompositeReferenceTest}'s
 * hand-made tables: {@code schema()}'s composite foreign keys, the FOREIGN KEY that created tables get,
 * the validation of each foreign-key column, and the shapes that are refused.
 */
class CompositeReferenceSchemaTest extends ExistingSchemaKit {

    @Override
    protected List<Class<?>> entities() {
        return CompositeReferenceTest.ENTITIES;
    }

    @Override
    protected List<String> tables() {
        return CompositeReferenceTest.TABLES;
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return CompositeReferenceTest.tablesDdl(database);
    }

    @Test
    void theSchemaListsTheCompositeForeignKeys() {
        assertThat(db.schema().get("cr_review").foreignKeys()).extracting(ForeignKey::columns, ForeignKey::referencedTable,
                ForeignKey::referencedColumns).containsExactly(org.assertj.core.groups.Tuple.tuple(
                List.of("ed_code", "ed_year"), "cr_edition", List.of("code", "edition_year")));
        assertThat(db.schema().get("cr_credit").foreignKeys()).extracting(ForeignKey::columns)
                .containsExactly(List.of("role_actor_id", "role_film_id"));
        assertThat(db.schema().get("cr_remark").columns()).extracting(io.nextorm.mapping.Column::name)
                .containsExactly("id", "cell_sheet", "cell_row_no", "cell_col_no", "text");
    }

    @Entity(table = "cr_gen_edition")
    static class GeneratedEdition {
        @PrimaryKey String code;
        @PrimaryKey int year;
        String title;
    }

    @Entity(table = "cr_gen_review")
    static class GeneratedReview {
        @PrimaryKey Integer id;
        GeneratedEdition edition;
        int stars;
    }

    @Test
    void createdTablesHaveTheCompositeForeignKey() {
        AsyncDatabase created = new AsyncDatabase(List.of(GeneratedEdition.class, GeneratedReview.class));
        created.bind(target.provider(), target.url(), Map.of()).block(TIMEOUT);
        try {
            await(created.execute("DROP TABLE IF EXISTS cr_gen_review"));
            await(created.execute("DROP TABLE IF EXISTS cr_gen_edition"));
            await(created.generateMapping(true, true));
            GeneratedEdition edition = new GeneratedEdition();
            edition.code = "A";
            edition.year = 2020;
            edition.title = "first";
            GeneratedReview review = new GeneratedReview();
            review.edition = edition;
            review.stars = 4;
            await(created.session(s -> Mono.fromRunnable(() -> {
                s.add(edition);
                s.add(review);
            })));
            GeneratedReview read = await(created.aselect(GeneratedReview.class)
                    .prefetch(CompositeReferenceSchemaTest_GeneratedReview_.edition).getOrRaise());
            assertThat(read.edition.title).isEqualTo("first");

            GeneratedEdition missing = new GeneratedEdition();
            missing.code = "A";
            missing.year = 1999;
            GeneratedReview dangling = new GeneratedReview();
            dangling.edition = missing;
            dangling.stars = 1;
            assertThatThrownBy(() -> await(created.ainsert(dangling))).isInstanceOf(SqlExecutionException.class)
                    .matches(e -> ((SqlExecutionException) e).isIntegrityViolation(), "the FOREIGN KEY refuses it");
        } finally {
            await(created.execute("DROP TABLE IF EXISTS cr_gen_review"));
            await(created.execute("DROP TABLE IF EXISTS cr_gen_edition"));
            created.close().block(TIMEOUT);
        }
    }

    @Entity(table = "cr_edition")
    static class BareEdition {
        @PrimaryKey String code;
        @PrimaryKey @Column(name = "edition_year") int year;
        String title;
    }

    @Entity(table = "cr_review")
    static class MisnamedReview {
        @PrimaryKey Integer id;
        @Nullable @JoinColumn(name = {"ed_code", "edition_year"}) BareEdition edition;
        int stars;
    }

    @Test
    void validationNamesTheMissingForeignKeyColumn() {
        AsyncDatabase misnamed = createTables(target, List.of(BareEdition.class, MisnamedReview.class));
        try {
            assertThatThrownBy(() -> await(misnamed.generateMapping(io.nextorm.SchemaCheck.VALIDATE, true))).isInstanceOf(MappingException.class)
                    .hasMessageContaining("missing column 'cr_review.edition_year'")
                    .hasMessageContaining("MisnamedReview.edition")
                    .hasMessageContaining("@JoinColumn");
        } finally {
            misnamed.close().block(TIMEOUT);
        }
    }

    @Entity(table = "cr_bad")
    static class OneColumnForTwo {
        @PrimaryKey Integer id;
        @JoinColumn(name = "ed_code") Edition edition;
    }

    @Entity(table = "cr_bad2")
    static class WideKeyPart {
        @PrimaryKey Edition edition;
        @PrimaryKey int number;
    }

    @Entity(table = "cr_bad3")
    static class OneToOneOfComposite {
        @PrimaryKey Integer id;
        @Column(unique = true) Edition edition;
    }

    @Entity(table = "cr_bad4")
    static class TwoColumnsForOne {
        @PrimaryKey Integer id;
        @JoinColumn(name = {"a_id", "b_id"}) CompositeReferenceTest.Actor actor;
    }

    @Entity(table = "cr_bad5")
    @io.nextorm.annotation.Index("edition")
    static class IndexedWideReference {
        @PrimaryKey Integer id;
        Edition edition;
    }

    @Test
    void unsupportedOrWrongShapesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Mapping.build(List.of(CompositeReferenceTest.Actor.class, CompositeReferenceTest.Film.class,
                CompositeReferenceTest.Role.class, CompositeReferenceTest.Credit.class, TwoColumnsForOne.class), false))
                .isInstanceOf(MappingException.class).hasMessageContaining("TwoColumnsForOne.actor")
                .hasMessageContaining("names 2 columns").hasMessageContaining("single key column");
        assertThatThrownBy(() -> Mapping.build(List.of(Edition.class, Review.class, IndexedWideReference.class), false))
                .isInstanceOf(MappingException.class).hasMessageContaining("IndexedWideReference.edition")
                .hasMessageContaining("several columns");
        assertThatThrownBy(() -> Mapping.build(List.of(Edition.class, Review.class, OneToOneOfComposite.class), false))
                .isInstanceOf(MappingException.class).hasMessageContaining("OneToOneOfComposite.edition")
                .hasMessageContaining("@JoinColumn(name = {...})");
        assertThatThrownBy(() -> Mapping.build(List.of(Edition.class, Review.class, OneColumnForTwo.class), false))
                .isInstanceOf(MappingException.class).hasMessageContaining("OneColumnForTwo.edition")
                .hasMessageContaining("names 1 column").hasMessageContaining("@JoinColumn(name = {\"code\", \"edition_year\"})");
        // a key part may refer to a composite-keyed entity (NestedCompositeKeyTest): its columns are in the key
        assertThat(Mapping.build(List.of(Edition.class, Review.class, WideKeyPart.class), false).entity(WideKeyPart.class)
                .key().columns()).containsExactly("edition_code", "edition_edition_year", "number");
        assertThatThrownBy(() -> await(db.aselect(Review.class).orderBy(CompositeReferenceTest_Review_.edition.asc()).fetchAll()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Review.edition")
                .hasMessageContaining("[ed_code, ed_year]");
        assertThatThrownBy(() -> await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.eq(new Edition()))
                .fetchAll())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsaved Edition");
    }

}
