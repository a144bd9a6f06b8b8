package io.nextorm.kit.existing;

import io.nextorm.OptimisticCheckException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * References to composite-keyed entities, over tables made by hand with composite FOREIGN KEYs: a
 * two-column key named by {@code @JoinColumn(name = {...})}, a three-column key with the default
 * column names, and a key of two references (a link entity) as the target. Each is written, read,
 * compared, joined, prefetched both ways and changed with its optimistic check; {@link CompositeReferenceSchemaTest}
 * checks the schema side.
 */
class CompositeReferenceTest extends ExistingSchemaKit {

    @Entity(table = "cr_edition")
    static class Edition {
        @PrimaryKey String code;
        @PrimaryKey @Column(name = "edition_year") int year;
        String title;
        Set<Review> reviews;

        String getTitle() {
            return title;
        }

        int getYear() {
            return year;
        }

        Set<Review> getReviews() {
            return reviews;
        }
    }

    @Entity(table = "cr_review")
    static class Review {
        @PrimaryKey Integer id;
        @Nullable @JoinColumn(name = {"ed_code", "ed_year"}) Edition edition;
        int stars;

        Review() {
        }

        Review(Edition edition, int stars) {
            this.edition = edition;
            this.stars = stars;
        }

        Edition getEdition() {
            return edition;
        }
    }

    @Entity(table = "cr_cell")
    static class Cell {
        @PrimaryKey String sheet;
        @PrimaryKey int rowNo;
        @PrimaryKey int colNo;
        String content;
        Set<Remark> remarks;
    }

    @Entity(table = "cr_remark")
    static class Remark {
        @PrimaryKey Integer id;
        Cell cell;
        String text;

        Cell getCell() {
            return cell;
        }
    }

    @Entity(table = "cr_actor")
    static class Actor {
        @PrimaryKey Integer actorId;
        String name;
        Set<Role> roles;
    }

    @Entity(table = "cr_film")
    static class Film {
        @PrimaryKey Integer filmId;
        String title;
        Set<Role> cast;
    }

    @Entity(table = "cr_role")
    static class Role {
        @PrimaryKey @JoinColumn(name = "actor_id") Actor actor;
        @PrimaryKey @JoinColumn(name = "film_id") Film film;
        String part;
        Set<Credit> credits;
    }

    @Entity(table = "cr_credit")
    static class Credit {
        @PrimaryKey Integer id;
        Role role;
        String note;
    }

    /** The entities of the hand-made tables. */
    static final List<Class<?>> ENTITIES = List.of(Edition.class, Review.class, Cell.class, Remark.class, Actor.class,
            Film.class, Role.class, Credit.class);

    /** The hand-made tables, referencing tables first. */
    static final List<String> TABLES = List.of("cr_review", "cr_edition", "cr_remark", "cr_cell", "cr_credit", "cr_role",
            "cr_actor", "cr_film");

    @Override
    protected List<Class<?>> entities() {
        return ENTITIES;
    }

    @Override
    protected List<String> tables() {
        return TABLES;
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return tablesDdl(database);
    }

    /** The hand-written DDL, with composite FOREIGN KEYs. */
    static List<String> tablesDdl(TestDatabase database) {
        String id = generatedKey(database);
        return List.of(
                "CREATE TABLE cr_edition (code VARCHAR(20) NOT NULL, edition_year INT NOT NULL, title VARCHAR(80) NOT NULL,"
                        + " PRIMARY KEY (code, edition_year))",
                "CREATE TABLE cr_review (id " + id + ", ed_code VARCHAR(20) NULL, ed_year INT NULL, stars INT NOT NULL,"
                        + " FOREIGN KEY (ed_code, ed_year) REFERENCES cr_edition (code, edition_year))",
                "CREATE TABLE cr_cell (sheet VARCHAR(20) NOT NULL, row_no INT NOT NULL, col_no INT NOT NULL,"
                        + " content VARCHAR(50) NOT NULL, PRIMARY KEY (sheet, row_no, col_no))",
                "CREATE TABLE cr_remark (id " + id + ", cell_sheet VARCHAR(20) NOT NULL, cell_row_no INT NOT NULL,"
                        + " cell_col_no INT NOT NULL, text VARCHAR(80) NOT NULL,"
                        + " FOREIGN KEY (cell_sheet, cell_row_no, cell_col_no) REFERENCES cr_cell (sheet, row_no, col_no))",
                "CREATE TABLE cr_actor (actor_id " + id + ", name VARCHAR(50) NOT NULL)",
                "CREATE TABLE cr_film (film_id " + id + ", title VARCHAR(80) NOT NULL)",
                "CREATE TABLE cr_role (actor_id INT NOT NULL REFERENCES cr_actor (actor_id),"
                        + " film_id INT NOT NULL REFERENCES cr_film (film_id), part VARCHAR(50) NOT NULL,"
                        + " PRIMARY KEY (actor_id, film_id))",
                "CREATE TABLE cr_credit (id " + id + ", role_actor_id INT NOT NULL, role_film_id INT NOT NULL,"
                        + " note VARCHAR(80) NOT NULL,"
                        + " FOREIGN KEY (role_actor_id, role_film_id) REFERENCES cr_role (actor_id, film_id))");
    }

    private Edition java17;
    private Edition java21;
    private Edition kotlin;

    private static Edition edition(String code, int year, String title) {
        Edition edition = new Edition();
        edition.code = code;
        edition.year = year;
        edition.title = title;
        return edition;
    }

    /** Three editions (two of the same code) and five reviews, one of them of no edition. */
    private void reviews() {
        java17 = edition("JAVA", 2021, "Java 17");
        java21 = edition("JAVA", 2023, "Java 21");
        kotlin = edition("KT", 2021, "Kotlin 1.6");
        await(db.session(s -> Mono.fromRunnable(() -> {
            List.of(java17, java21, kotlin).forEach(s::add);
            s.add(new Review(java17, 5));
            s.add(new Review(java17, 3));
            s.add(new Review(java21, 4));
            s.add(new Review(kotlin, 2));
            s.add(new Review(null, 1));
        })));
    }

    private List<Integer> stars(List<Review> reviews) {
        return reviews.stream().map(r -> r.stars).sorted().toList();
    }

    @Test
    void aReferenceIsWrittenInEachOfItsColumnsAndReadBackAsTheSameObject() {
        reviews();

        assertThat(await(db.selectRaw("SELECT ed_code, ed_year, stars FROM cr_review ORDER BY stars")))
                .extracting(r -> r.get("ed_code") + "/" + r.get("ed_year") + "/" + ((Number) r.get("stars")).intValue())
                .containsExactly("null/null/1", "KT/2021/2", "JAVA/2021/3", "JAVA/2023/4", "JAVA/2021/5");
        List<Object> same = await(db.session(s -> db.aselect(Review.class).orderBy(CompositeReferenceTest_Review_.stars.asc())
                .fetchAll().flatMap(all -> db.getByKey(Edition.class, List.of("JAVA", 2021))
                        .map(edition -> List.<Object>of(all, edition)))));
        @SuppressWarnings("unchecked")
        List<Review> all = (List<Review>) same.get(0);
        assertThat(all.get(0).edition).isNull();
        assertThat(all.get(2).edition).isSameAs(all.get(4).edition).isSameAs(same.get(1));
        assertThat(all.get(3).edition.code + all.get(3).edition.year).isEqualTo("JAVA2023");
        assertThat(((Edition) same.get(1)).title).isEqualTo("Java 17");

        List<Review> raw = await(db.aselect(Review.class).raw("SELECT * FROM cr_review ORDER BY stars", null));
        assertThat(raw).extracting(r -> r.edition == null ? "-" : r.edition.code + r.edition.year)
                .containsExactly("-", "KT2021", "JAVA2021", "JAVA2023", "JAVA2021");
    }

    @Test
    void conditionsOnTheReferenceCompareEveryColumn() {
        reviews();
        db.clearLocalStats();

        assertThat(stars(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.eq(java17)).fetchAll())))
                .containsExactly(3, 5);
        assertThat(db.localStats().keySet()).anyMatch(sql -> sql.contains("WHERE (ed_code = " + marker(1)
                + " AND ed_year = " + marker(2) + ")"));
        assertThat(stars(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.ne(java17)).fetchAll())))
                .containsExactly(2, 4);
        assertThat(stars(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.isNull()).fetchAll())))
                .containsExactly(1);
        assertThat(stars(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.isNotNull()).fetchAll())))
                .containsExactly(2, 3, 4, 5);
        assertThat(stars(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.in(List.of(java21, kotlin)))
                .fetchAll()))).containsExactly(2, 4);
        assertThat(stars(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.notIn(List.of(java21, kotlin)))
                .fetchAll()))).containsExactly(3, 5);
        Edition byKeyOnly = edition("JAVA", 2023, null);
        assertThat(stars(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.eq(byKeyOnly)).fetchAll())))
                .as("an object with the key is enough").containsExactly(4);

        db.clearLocalStats();
        assertThat(stars(await(db.aselect(Review.class)
                .filter(CompositeReferenceTest_Review_.edition.then(CompositeReferenceTest_Edition_.year).eq(2021)).fetchAll())))
                .containsExactly(2, 3, 5);
        assertThat(db.localStats().keySet()).as("a key field of the reference is its own column: no join")
                .anyMatch(sql -> sql.contains("ed_year = " + marker(1)) && !sql.contains("JOIN"));
        assertThat(stars(await(db.aselect(Review.class)
                .filter(CompositeReferenceTest_Review_.edition.then(CompositeReferenceTest_Edition_.title).like("Java%"))
                .fetchAll()))).containsExactly(3, 4, 5);
        assertThat(db.localStats().keySet()).anyMatch(sql -> sql.contains("LEFT JOIN cr_edition t1 ON t1.code = t0.ed_code"
                + " AND t1.edition_year = t0.ed_year"));
    }

    @Test
    void lambdasCompareTheReferenceAndFollowIt() {
        reviews();
        Edition wanted = java21;

        assertThat(stars(await(db.aselect(Review.class).where(r -> r.getEdition() == wanted).fetchAll())))
                .containsExactly(4);
        assertThat(stars(await(db.aselect(Review.class).where(r -> r.getEdition().getTitle().startsWith("Kotlin"))
                .fetchAll()))).containsExactly(2);
        assertThat(stars(await(db.aselect(Review.class).where(r -> r.getEdition().getYear() == 2021 && r.stars > 2)
                .fetchAll()))).containsExactly(3, 5);
        assertThat(await(db.aselect(Review.class).where(r -> r.getEdition() == null).count())).isEqualTo(1L);
    }

    @Test
    void queriesOverTheSetOfACompositeKeyedOwnerCorrelateEveryColumn() {
        reviews();

        assertThat(await(db.aselect(Edition.class).filter(CompositeReferenceTest_Edition_.reviews.count().gt(1L)).fetchAll()))
                .extracting(e -> e.title).containsExactly("Java 17");
        assertThat(await(db.aselect(Edition.class).where(e -> e.getReviews().size() == 1)
                .orderBy(CompositeReferenceTest_Edition_.title.asc()).fetchAll()))
                .extracting(e -> e.title).containsExactly("Java 21", "Kotlin 1.6");
        assertThat(await(db.aselect(Edition.class).where(e -> e.getReviews().stream().anyMatch(r -> r.stars >= 4))
                .orderBy(CompositeReferenceTest_Edition_.title.asc()).fetchAll()))
                .extracting(e -> e.title).containsExactly("Java 17", "Java 21");
    }

    @Test
    void prefetchLoadsTheTargetsAndTheirSetsBothWays() {
        reviews();

        List<Review> reviews = await(db.aselect(Review.class).prefetch(CompositeReferenceTest_Review_.edition)
                .orderBy(CompositeReferenceTest_Review_.stars.desc()).fetchAll());
        assertThat(reviews).extracting(r -> r.edition == null ? "-" : r.edition.title)
                .containsExactly("Java 17", "Java 21", "Java 17", "Kotlin 1.6", "-");
        List<Edition> editions = await(db.aselect(Edition.class).prefetch(CompositeReferenceTest_Edition_.reviews)
                .orderBy(CompositeReferenceTest_Edition_.title.asc()).fetchAll());
        assertThat(editions).extracting(e -> e.title + ":" + e.reviews.stream().map(r -> r.stars).sorted().toList())
                .containsExactly("Java 17:[3, 5]", "Java 21:[4]", "Kotlin 1.6:[2]");
        assertThat(editions.get(0).reviews).allMatch(r -> r.edition == editions.get(0));
    }

    @Test
    void aChangedReferenceUpdatesItsColumnsCheckingTheValuesRead() {
        reviews();
        Integer id = await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.stars.eq(4)).getOrRaise()).id;
        db.clearLocalStats();

        await(db.session(s -> db.getByKey(Review.class, id).zipWith(db.getByKey(Edition.class, List.of("KT", 2021)))
                .doOnNext(pair -> pair.getT1().edition = pair.getT2())));
        assertThat(await(db.selectRaw("SELECT ed_code, ed_year FROM cr_review WHERE id = " + id)))
                .extracting(r -> r.get("ed_code") + "/" + r.get("ed_year")).containsExactly("KT/2021");
        assertThat(db.localStats().keySet()).contains("UPDATE cr_review SET ed_code = " + marker(1) + ", ed_year = "
                + marker(2) + " WHERE id = " + marker(3) + " AND ed_code = " + marker(4) + " AND ed_year = " + marker(5));

        assertThatThrownBy(() -> await(db.session(s -> db.getByKey(Review.class, id)
                .flatMap(r -> db.execute("UPDATE cr_review SET ed_year = 2023, ed_code = 'JAVA' WHERE id = " + id)
                        .doOnNext(n -> r.edition = null)))))
                .isInstanceOf(OptimisticCheckException.class);
        assertThat(await(db.selectRaw("SELECT ed_code FROM cr_review WHERE id = " + id)))
                .as("the whole session rolled back").extracting(r -> r.get("ed_code")).containsExactly("KT");

        await(db.session(s -> db.getByKey(Review.class, id).doOnNext(r -> r.edition = null)));
        assertThat(await(db.selectRaw("SELECT ed_code, ed_year FROM cr_review WHERE id = " + id)))
                .extracting(r -> r.get("ed_code") + "/" + r.get("ed_year")).containsExactly("null/null");

        Review outside = await(db.getByKey(Review.class, id));
        outside.edition = java17;
        await(db.asave(outside));
        assertThat(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.eq(java17)).count()))
                .isEqualTo(3L);
        assertThat(await(db.aselect(Review.class).filter(CompositeReferenceTest_Review_.edition.eq(java17))
                .update(CompositeReferenceTest_Review_.edition.set(kotlin)))).isEqualTo(3L);
        assertThat(await(db.selectRaw("SELECT COUNT(*) AS n FROM cr_review WHERE ed_code = 'KT' AND ed_year = 2021")))
                .extracting(r -> ((Number) r.get("n")).intValue()).containsExactly(4);
    }

    @Test
    void aThreeColumnKeyAndAKeyOfReferencesAreTargetsToo() {
        Cell a1 = new Cell();
        a1.sheet = "s";
        a1.rowNo = 1;
        a1.colNo = 1;
        a1.content = "a1";
        Cell b2 = new Cell();
        b2.sheet = "s";
        b2.rowNo = 2;
        b2.colNo = 2;
        b2.content = "b2";
        Actor ann = new Actor();
        ann.name = "Ann";
        Film alien = new Film();
        alien.title = "Alien";
        Role ripley = new Role();
        ripley.actor = ann;
        ripley.film = alien;
        ripley.part = "Ripley";
        await(db.session(s -> Mono.fromRunnable(() -> {
            // the referencing objects first: the flush inserts the targets before them
            for (String text : List.of("x", "y")) {
                Remark remark = new Remark();
                remark.cell = text.equals("x") ? a1 : b2;
                remark.text = text;
                s.add(remark);
                Credit credit = new Credit();
                credit.role = ripley;
                credit.note = text;
                s.add(credit);
            }
            List.of(ripley, a1, b2, ann, alien).forEach(s::add);
        })));

        assertThat(await(db.selectRaw("SELECT cell_sheet, cell_row_no, cell_col_no FROM cr_remark ORDER BY text")))
                .extracting(r -> r.get("cell_sheet") + "" + r.get("cell_row_no") + r.get("cell_col_no"))
                .containsExactly("s11", "s22");
        Remark y = await(db.aselect(Remark.class).filter(CompositeReferenceTest_Remark_.cell.eq(b2))
                .prefetch(CompositeReferenceTest_Remark_.cell).getOrRaise());
        assertThat(y.text + y.cell.content).isEqualTo("yb2");
        Cell c = a1;
        assertThat(await(db.aselect(Remark.class).where(r -> r.getCell() == c).fetchAll())).extracting(r -> r.text)
                .containsExactly("x");
        List<Cell> cells = await(db.aselect(Cell.class).prefetch(CompositeReferenceTest_Cell_.remarks)
                .orderBy(CompositeReferenceTest_Cell_.rowNo.asc()).fetchAll());
        assertThat(cells).extracting(cell -> cell.remarks.stream().map(r -> r.text).toList())
                .containsExactly(List.of("x"), List.of("y"));

        assertThat(await(db.selectRaw("SELECT role_actor_id, role_film_id FROM cr_credit"))).hasSize(2)
                .allMatch(r -> ((Number) r.get("role_actor_id")).intValue() == ann.actorId
                        && ((Number) r.get("role_film_id")).intValue() == alien.filmId);
        List<Credit> credits = await(db.aselect(Credit.class).filter(CompositeReferenceTest_Credit_.role.eq(ripley))
                .prefetch(CompositeReferenceTest_Credit_.role.then(CompositeReferenceTest_Role_.actor)).fetchAll());
        assertThat(credits).extracting(credit -> credit.role.part + "/" + credit.role.actor.name + "/" + credit.note)
                .containsExactlyInAnyOrder("Ripley/Ann/x", "Ripley/Ann/y");
        Role loaded = await(db.aselect(Role.class).prefetch(CompositeReferenceTest_Role_.credits).getOrRaise());
        assertThat(loaded.credits.stream().map(credit -> credit.note).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("x", "y");
        assertThat(await(db.aselect(Credit.class).filter(CompositeReferenceTest_Credit_.role
                .then(CompositeReferenceTest_Role_.actor).eq(ann)).count())).isEqualTo(2L);
    }

    private String marker(int index) {
        return target == TestDatabase.POSTGRES ? "$" + index : "?";
    }
}
