package io.nextorm.kit.existing;

import io.nextorm.MappingException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinTable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Table;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many-to-many sets whose sides have composite keys, over link tables made by hand: one named with
 * {@code @JoinTable} (a two-column key on one side, a single key on the other), and one with the
 * default names whose both sides are composite (five columns, all of them its primary key).
 */
class CompositeLinkTableTest extends ExistingSchemaKit {

    @Entity(table = "cl_edition")
    static class Edition {
        @PrimaryKey String code;
        @PrimaryKey @Column(name = "edition_year") int year;
        String title;
        @JoinTable(name = "cl_edition_tag", joinColumns = {"ed_code", "ed_year"}, inverseJoinColumns = "tag_id")
        Set<Tag> tags;

        Set<Tag> getTags() {
            return tags;
        }
    }

    @Entity(table = "cl_tag")
    static class Tag {
        @PrimaryKey Integer tagId;
        String label;
        Set<Edition> editions;

        String getLabel() {
            return label;
        }
    }

    @Entity(table = "cl_cell")
    static class Cell {
        @PrimaryKey String sheet;
        @PrimaryKey int rowNo;
        @PrimaryKey int colNo;
        Set<Pair> pairs;
    }

    @Entity(table = "cl_pair")
    static class Pair {
        @PrimaryKey String leftKey;
        @PrimaryKey int rightKey;
        Set<Cell> cells;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Edition.class, Tag.class, Cell.class, Pair.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("cl_edition_tag", "cl_edition", "cl_tag", "cl_cell_pairs", "cl_cell", "cl_pair");
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        String id = generatedKey(database);
        return List.of(
                "CREATE TABLE cl_edition (code VARCHAR(20) NOT NULL, edition_year INT NOT NULL, title VARCHAR(80) NOT NULL,"
                        + " PRIMARY KEY (code, edition_year))",
                "CREATE TABLE cl_tag (tag_id " + id + ", label VARCHAR(20) NOT NULL)",
                "CREATE TABLE cl_edition_tag (ed_code VARCHAR(20) NOT NULL, ed_year INT NOT NULL,"
                        + " tag_id INT NOT NULL REFERENCES cl_tag (tag_id), PRIMARY KEY (ed_code, ed_year, tag_id),"
                        + " FOREIGN KEY (ed_code, ed_year) REFERENCES cl_edition (code, edition_year))",
                "CREATE TABLE cl_cell (sheet VARCHAR(20) NOT NULL, row_no INT NOT NULL, col_no INT NOT NULL,"
                        + " PRIMARY KEY (sheet, row_no, col_no))",
                "CREATE TABLE cl_pair (left_key VARCHAR(20) NOT NULL, right_key INT NOT NULL, PRIMARY KEY (left_key, right_key))",
                "CREATE TABLE cl_cell_pairs (cl_cell_sheet VARCHAR(20) NOT NULL, cl_cell_row_no INT NOT NULL,"
                        + " cl_cell_col_no INT NOT NULL, cl_pair_left_key VARCHAR(20) NOT NULL, cl_pair_right_key INT NOT NULL,"
                        + " PRIMARY KEY (cl_cell_sheet, cl_cell_row_no, cl_cell_col_no, cl_pair_left_key, cl_pair_right_key),"
                        + " FOREIGN KEY (cl_cell_sheet, cl_cell_row_no, cl_cell_col_no) REFERENCES cl_cell (sheet, row_no, col_no),"
                        + " FOREIGN KEY (cl_pair_left_key, cl_pair_right_key) REFERENCES cl_pair (left_key, right_key))");
    }

    private Edition java17;
    private Edition java21;
    private Tag lts;
    private Tag old;

    private static Edition edition(String code, int year, String title, Tag... tags) {
        Edition edition = new Edition();
        edition.code = code;
        edition.year = year;
        edition.title = title;
        edition.tags = new HashSet<>(Set.of(tags));
        return edition;
    }

    private static Tag tag(String label) {
        Tag tag = new Tag();
        tag.label = label;
        return tag;
    }

    private void tagged() {
        lts = tag("lts");
        old = tag("old");
        java17 = edition("JAVA", 2021, "Java 17", lts, old);
        java21 = edition("JAVA", 2023, "Java 21", lts);
        Edition kotlin = edition("KT", 2021, "Kotlin", old);
        await(db.session(s -> Mono.fromRunnable(() -> List.of(java17, java21, kotlin).forEach(s::add))));
    }

    private List<String> links() {
        return await(db.selectRaw("SELECT e.title AS title, t.label AS label FROM cl_edition_tag l"
                + " JOIN cl_edition e ON e.code = l.ed_code AND e.edition_year = l.ed_year"
                + " JOIN cl_tag t ON t.tag_id = l.tag_id ORDER BY e.title, t.label"))
                .stream().map(r -> r.get("title") + ":" + r.get("label")).toList();
    }

    @Test
    void linksAreWrittenInEveryKeyColumnAndPrefetchedBothWays() {
        tagged();

        assertThat(links()).containsExactly("Java 17:lts", "Java 17:old", "Java 21:lts", "Kotlin:old");
        List<Edition> editions = await(db.aselect(Edition.class).prefetch(CompositeLinkTableTest_Edition_.tags)
                .orderBy(CompositeLinkTableTest_Edition_.title.asc()).fetchAll());
        assertThat(editions).extracting(e -> e.title + ":" + e.tags.stream().map(t -> t.label).sorted().toList())
                .containsExactly("Java 17:[lts, old]", "Java 21:[lts]", "Kotlin:[old]");
        List<Tag> tags = await(db.aselect(Tag.class).prefetch(CompositeLinkTableTest_Tag_.editions)
                .orderBy(CompositeLinkTableTest_Tag_.label.asc()).fetchAll());
        assertThat(tags).extracting(t -> t.label + ":" + t.editions.stream().map(e -> e.title).sorted().toList())
                .containsExactly("lts:[Java 17, Java 21]", "old:[Java 17, Kotlin]");
    }

    @Test
    void queriesOverTheSetCorrelateEveryKeyColumn() {
        tagged();

        assertThat(await(db.aselect(Edition.class).filter(CompositeLinkTableTest_Edition_.tags.count().gt(1L)).fetchAll()))
                .extracting(e -> e.title).containsExactly("Java 17");
        assertThat(await(db.aselect(Edition.class).where(e -> e.getTags().stream().anyMatch(t -> t.getLabel().equals("old")))
                .orderBy(CompositeLinkTableTest_Edition_.title.asc()).fetchAll()))
                .extracting(e -> e.title).containsExactly("Java 17", "Kotlin");
        assertThat(await(db.aselect(Tag.class).filter(CompositeLinkTableTest_Tag_.editions.count().eq(2L)).count()))
                .isEqualTo(2L);
    }

    @Test
    void removedLinksAndTheLinksOfADeletedObjectAreDeleted() {
        tagged();

        await(db.session(s -> db.getByKey(Edition.class, List.of("JAVA", 2021))
                .flatMap(e -> db.aselect(Edition.class).prefetch(CompositeLinkTableTest_Edition_.tags)
                        .filter(CompositeLinkTableTest_Edition_.code.eq("JAVA")).fetchAll().thenReturn(e))
                .doOnNext(e -> e.tags.removeIf(t -> t.label.equals("old")))));
        assertThat(links()).containsExactly("Java 17:lts", "Java 21:lts", "Kotlin:old");

        await(db.adeleteInstance(await(db.getByKey(Edition.class, List.of("JAVA", 2023)))));
        assertThat(links()).containsExactly("Java 17:lts", "Kotlin:old");
        assertThat(await(db.aselect(Edition.class).count())).isEqualTo(2L);
    }

    @Test
    void aLinkTableBetweenTwoCompositeKeysTakesTheDefaultNames() {
        Cell a1 = new Cell();
        a1.sheet = "s";
        a1.rowNo = 1;
        a1.colNo = 1;
        Pair x = new Pair();
        x.leftKey = "x";
        x.rightKey = 1;
        Pair y = new Pair();
        y.leftKey = "y";
        y.rightKey = 2;
        a1.pairs = new HashSet<>(Set.of(x, y));
        await(db.session(s -> Mono.fromRunnable(() -> s.add(a1))));

        assertThat(await(db.selectRaw("SELECT cl_cell_sheet, cl_cell_row_no, cl_cell_col_no, cl_pair_left_key,"
                + " cl_pair_right_key FROM cl_cell_pairs ORDER BY cl_pair_left_key")))
                .extracting(r -> r.get("cl_cell_sheet") + "" + r.get("cl_cell_row_no") + r.get("cl_cell_col_no")
                        + r.get("cl_pair_left_key") + r.get("cl_pair_right_key"))
                .containsExactly("s11x1", "s11y2");
        Pair loaded = await(db.aselect(Pair.class).filter(CompositeLinkTableTest_Pair_.leftKey.eq("y"))
                .prefetch(CompositeLinkTableTest_Pair_.cells).getOrRaise());
        assertThat(loaded.cells).extracting(c -> c.sheet + c.rowNo + c.colNo).containsExactly("s11");
        Table link = db.schema().get("cl_cell_pairs");
        assertThat(link.primaryKey()).containsExactly("cl_cell_sheet", "cl_cell_row_no", "cl_cell_col_no",
                "cl_pair_left_key", "cl_pair_right_key");
        assertThat(link.foreignKeys()).extracting(ForeignKey::columns).containsExactlyInAnyOrder(
                List.of("cl_cell_sheet", "cl_cell_row_no", "cl_cell_col_no"), List.of("cl_pair_left_key", "cl_pair_right_key"));
    }

    @Entity(table = "cl_bad")
    static class TooFewColumns {
        @PrimaryKey String code;
        @PrimaryKey int year;
        @JoinTable(name = "cl_bad_tag", joinColumns = "code", inverseJoinColumns = "tag_id") Set<BadTag> tags;
    }

    @Entity(table = "cl_bad_tag_target")
    static class BadTag {
        @PrimaryKey Integer id;
        Set<TooFewColumns> owners;
    }

    @Test
    void aJoinTableWithTooFewColumnsForACompositeKeyIsRefused() {
        assertThatThrownBy(() -> Mapping.build(List.of(TooFewColumns.class, BadTag.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("TooFewColumns.tags")
                .hasMessageContaining("names 1 column for the side of TooFewColumns, whose key [code, year] has 2");
        assertThat(await(db.aselect(Edition.class).count())).isZero();
        assertThat(Mapping.build(List.of(Edition.class, Tag.class, Cell.class, Pair.class), true).entity(Edition.class)
                .property("tags").relation().ownColumns()).containsExactly("ed_code", "ed_year");
        assertThat(db.schema().get("cl_edition_tag").columns().stream().map(io.nextorm.mapping.Column::name)
                .collect(Collectors.toList())).containsExactly("ed_code", "ed_year", "tag_id");
    }
}
