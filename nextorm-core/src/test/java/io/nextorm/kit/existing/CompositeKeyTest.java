package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Version;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Table;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Composite primary keys over tables made by hand: a link entity whose key is two references (Sakila's
 * {@code film_actor}), a two-column plain key with {@code @Version}, and a three-column key.
 */
class CompositeKeyTest extends ExistingSchemaKit {

    @Entity(table = "ck_actor")
    static class Actor {
        @PrimaryKey Integer actorId;
        String name;
        Set<FilmActor> roles;

        String getName() {
            return name;
        }
    }

    @Entity(table = "ck_film")
    static class Film {
        @PrimaryKey Integer filmId;
        String title;
        Set<FilmActor> cast;
    }

    @Entity(table = "ck_film_actor")
    static class FilmActor {
        @PrimaryKey @JoinColumn(name = "actor_id") Actor actor;
        @PrimaryKey @JoinColumn(name = "film_id") Film film;
        int billing;

        FilmActor() {
        }

        FilmActor(Actor actor, Film film, int billing) {
            this.actor = actor;
            this.film = film;
            this.billing = billing;
        }

        Actor getActor() {
            return actor;
        }

        Film getFilm() {
            return film;
        }
    }

    @Entity(table = "ck_edition")
    static class Edition {
        @PrimaryKey String code;
        @PrimaryKey @Column(name = "edition_year") int year;
        String title;
        @Version int version;
    }

    @Entity(table = "ck_cell")
    static class Cell {
        @PrimaryKey String sheet;
        @PrimaryKey int rowNo;
        @PrimaryKey int colNo;
        @Nullable String content;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Actor.class, Film.class, FilmActor.class, Edition.class, Cell.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("ck_film_actor", "ck_film", "ck_actor", "ck_edition", "ck_cell");
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        String id = generatedKey(database);
        return List.of(
                "CREATE TABLE ck_actor (actor_id " + id + ", name VARCHAR(50) NOT NULL)",
                "CREATE TABLE ck_film (film_id " + id + ", title VARCHAR(80) NOT NULL)",
                "CREATE TABLE ck_film_actor (actor_id INT NOT NULL REFERENCES ck_actor (actor_id),"
                        + " film_id INT NOT NULL REFERENCES ck_film (film_id), billing INT NOT NULL,"
                        + " PRIMARY KEY (actor_id, film_id))",
                "CREATE TABLE ck_edition (code VARCHAR(20) NOT NULL, edition_year INT NOT NULL,"
                        + " title VARCHAR(80) NOT NULL, version INT NOT NULL, PRIMARY KEY (code, edition_year))",
                "CREATE TABLE ck_cell (sheet VARCHAR(20) NOT NULL, row_no INT NOT NULL, col_no INT NOT NULL,"
                        + " content VARCHAR(50) NULL, PRIMARY KEY (sheet, row_no, col_no))");
    }

    private Actor ann;
    private Actor bob;
    private Film alien;
    private Film brazil;

    private void cast() {
        ann = new Actor();
        ann.name = "Ann";
        bob = new Actor();
        bob.name = "Bob";
        alien = new Film();
        alien.title = "Alien";
        brazil = new Film();
        brazil.title = "Brazil";
        await(db.session(s -> Mono.fromRunnable(() -> {
            List.of(ann, bob, alien, brazil).forEach(s::add);
            s.add(new FilmActor(ann, alien, 1));
            s.add(new FilmActor(bob, alien, 2));
            s.add(new FilmActor(ann, brazil, 1));
        })));
    }

    private Edition edition(String code, int year, String title) {
        Edition edition = new Edition();
        edition.code = code;
        edition.year = year;
        edition.title = title;
        return edition;
    }

    @Test
    void aLinkEntityWithReferencesAsItsKeyIsWrittenAndReadLikePlainSql() {
        cast();

        List<Map<String, Object>> rows = await(db.selectRaw("SELECT a.name AS name, f.title AS title, l.billing AS billing"
                + " FROM ck_film_actor l JOIN ck_actor a ON a.actor_id = l.actor_id JOIN ck_film f ON f.film_id = l.film_id"
                + " ORDER BY f.title, a.name"));
        assertThat(rows).extracting(r -> r.get("title") + ":" + r.get("name") + ":" + ((Number) r.get("billing")).intValue())
                .containsExactly("Alien:Ann:1", "Alien:Bob:2", "Brazil:Ann:1");

        List<FilmActor> ofAnn = await(db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.actor.eq(ann))
                .prefetch(CompositeKeyTest_FilmActor_.film).fetchAll());
        assertThat(ofAnn).extracting(fa -> fa.film.title).containsExactlyInAnyOrder("Alien", "Brazil");
        List<FilmActor> byLambda = await(db.aselect(FilmActor.class)
                .where(fa -> fa.getActor().getName().equals("Bob")).fetchAll());
        assertThat(byLambda).extracting(fa -> fa.billing).containsExactly(2);
        Film film = alien;
        assertThat(await(db.aselect(FilmActor.class).where(fa -> fa.getFilm() == film).count())).isEqualTo(2L);
    }

    @Test
    void projectionsInListsAndBulkUpdatesOverTheLinkEntity() {
        cast();

        List<io.nextorm.Tuple> perFilm = await(db.select(CompositeKeyTest_FilmActor_.film, io.nextorm.Functions.count())
                .groupBy(CompositeKeyTest_FilmActor_.film).orderBy(CompositeKeyTest_FilmActor_.film.asc()).fetchAll());
        assertThat(perFilm).extracting(t -> ((Number) t.get(0)).intValue() + "x" + t.get(1))
                .containsExactly(alien.filmId + "x2", brazil.filmId + "x1");
        assertThat(await(db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.actor.in(List.of(bob))).count()))
                .isEqualTo(1L);
        assertThat(await(db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.film.eq(alien))
                .update(CompositeKeyTest_FilmActor_.billing.set(9)))).isEqualTo(2L);
        assertThat(await(db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.actor.eq(ann))
                .orderBy(CompositeKeyTest_FilmActor_.billing.desc()).limit(1).update(Map.of("billing", 3)))).isEqualTo(1L);
        assertThat(await(db.selectRaw("SELECT billing FROM ck_film_actor ORDER BY billing")))
                .extracting(r -> ((Number) r.get("billing")).intValue()).containsExactly(1, 3, 9);
        assertThatThrownBy(() -> db.aselect(FilmActor.class).update(CompositeKeyTest_FilmActor_.actor.set(bob)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FilmActor.actor is a part of the primary key");
    }

    @Test
    void theIdentityMapHoldsOneObjectPerCompositeKey() {
        cast();
        db.clearLocalStats();

        List<Object> same = await(db.session(s -> db.getByKey(FilmActor.class, List.of(ann, alien))
                .flatMap(first -> db.getByKey(FilmActor.class, List.of(ann.actorId, alien.filmId))
                        .flatMap(second -> db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.actor.eq(ann)
                                        .and(CompositeKeyTest_FilmActor_.film.eq(alien))).getOrRaise()
                                .map(third -> List.<Object>of(first, second, third))))));
        assertThat(same.get(0)).isSameAs(same.get(1)).isSameAs(same.get(2));
        assertThat(db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("SELECT"))
                .mapToLong(e -> e.getValue().count()).sum()).as("one SELECT, then the identity map").isEqualTo(1L);
        assertThat(((FilmActor) same.get(0)).billing).isEqualTo(1);
        // every key part and one more condition: asked of the database, which has no such row
        FilmActor billedTwice = await(db.session(s -> db.getByKey(FilmActor.class, List.of(ann, alien))
                .then(db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.actor.eq(ann)
                        .and(CompositeKeyTest_FilmActor_.film.eq(alien))
                        .and(CompositeKeyTest_FilmActor_.billing.eq(99))).get())));
        assertThat(billedTwice).isNull();
        FilmActor outside = await(db.getByKey(FilmActor.class, List.of(bob.actorId, alien.filmId)));
        assertThat(outside.billing).isEqualTo(2);
        assertThat(await(db.getByKey(FilmActor.class, List.of(bob, brazil)))).isNull();
    }

    @Test
    void bulkWritesInASessionReloadAndDropItsCompositeKeyedObjects() {
        cast();

        List<Object> seen = await(db.session(s -> db.getByKey(FilmActor.class, List.of(bob, alien))
                .zipWith(db.getByKey(FilmActor.class, List.of(ann, brazil)))
                .flatMap(pair -> db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.film.eq(alien))
                        .update(CompositeKeyTest_FilmActor_.billing.set(8))
                        .then(db.aselect(FilmActor.class).filter(CompositeKeyTest_FilmActor_.film.eq(brazil)).delete())
                        .then(Mono.fromCallable(() -> List.<Object>of(pair.getT1().billing, s.contains(pair.getT2())))))));
        assertThat(seen).containsExactly(8, false);
    }

    @Test
    void asaveInsertsANewObjectAndUpdatesOneReadOrWrittenBefore() {
        cast();

        FilmActor loaded = await(db.getByKey(FilmActor.class, List.of(bob, alien)));
        loaded.billing = 6;
        await(db.asave(loaded));
        FilmActor fresh = await(db.asave(new FilmActor(bob, brazil, 3)));
        fresh.billing = 4;
        await(db.asave(fresh));
        assertThat(await(db.selectRaw("SELECT billing FROM ck_film_actor WHERE actor_id = " + bob.actorId
                + " ORDER BY billing"))).extracting(r -> ((Number) r.get("billing")).intValue()).containsExactly(4, 6);
        assertThatThrownBy(() -> await(db.asave(new FilmActor(bob, brazil, 5)))).isNotInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getByKeyOfACompositeKeyNeedsAListOfEveryPart() {
        cast();

        assertThatThrownBy(() -> db.getByKey(FilmActor.class, ann.actorId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[actor, film]")
                .hasMessageContaining("List.of(actor, film)");
        assertThatThrownBy(() -> db.getByKey(FilmActor.class, java.util.Arrays.asList(ann, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("misses film");
    }

    @Test
    void updatesAndDeletesNameEveryKeyColumn() {
        cast();
        db.clearLocalStats();

        await(db.session(s -> db.getByKey(FilmActor.class, List.of(bob, alien)).doOnNext(fa -> fa.billing = 5)));
        await(db.session(s -> db.getByKey(FilmActor.class, List.of(ann, brazil)).flatMap(db::adeleteInstance)));

        assertThat(db.localStats().keySet()).contains(
                "UPDATE ck_film_actor SET billing = " + marker(1) + " WHERE actor_id = " + marker(2)
                        + " AND film_id = " + marker(3) + " AND billing = " + marker(4),
                "DELETE FROM ck_film_actor WHERE actor_id = " + marker(1) + " AND film_id = " + marker(2));
        List<Map<String, Object>> rows = await(db.selectRaw("SELECT actor_id, film_id, billing FROM ck_film_actor"
                + " ORDER BY billing"));
        assertThat(rows).extracting(r -> ((Number) r.get("billing")).intValue()).containsExactly(1, 5);
    }

    private String marker(int index) {
        return switch (target) {
            case POSTGRES -> "$" + index;
            default -> "?";
        };
    }

    @Test
    void aTwoColumnPlainKeyIsInsertedUpdatedWithItsVersionAndDeleted() {
        await(db.ainsert(edition("JAVA", 2021, "Java 17")));
        await(db.asave(edition("JAVA", 2023, "Java 21")));

        Edition loaded = await(db.getByKey(Edition.class, List.of("JAVA", 2021)));
        assertThat(loaded.title).isEqualTo("Java 17");
        assertThat(loaded.version).isEqualTo(1);
        await(db.session(s -> db.getByKey(Edition.class, List.of("JAVA", 2021)).doOnNext(e -> e.title = "Java 17 LTS")));
        assertThat(await(db.selectRaw("SELECT title, version FROM ck_edition WHERE code = 'JAVA' AND edition_year = 2021")))
                .extracting(r -> r.get("title") + "/" + ((Number) r.get("version")).intValue()).containsExactly("Java 17 LTS/2");

        await(db.adeleteInstance(await(db.getByKey(Edition.class, List.of("JAVA", 2023)))));
        assertThat(await(db.selectRaw("SELECT code FROM ck_edition"))).hasSize(1);
    }

    @Test
    void aConcurrentChangeFailsTheOptimisticCheck() {
        await(db.ainsert(edition("KT", 2020, "Kotlin")));

        assertThatThrownBy(() -> await(db.session(s -> db.getByKey(Edition.class, List.of("KT", 2020))
                .flatMap(e -> db.execute("UPDATE ck_edition SET version = 7 WHERE code = 'KT'")
                        .doOnNext(n -> e.title = "changed")))))
                .isInstanceOf(OptimisticCheckException.class).hasMessageContaining("Edition[[KT, 2020]]");
        assertThat(await(db.selectRaw("SELECT title FROM ck_edition"))).extracting(r -> r.get("title"))
                .containsExactly("Kotlin");
    }

    @Test
    void objectsWithCompositeKeysChangedTogetherAreEachWrittenToTheirOwnRow() {
        cast();
        for (int year = 2020; year <= 2023; year++) {
            await(db.ainsert(edition("KT", year, "Kotlin " + year)));
        }

        await(db.session(s -> db.aselect(FilmActor.class).fetchAll().doOnNext(all -> all.forEach(fa -> fa.billing += 10))
                .then(db.aselect(Edition.class).fetchAll()).doOnNext(all -> all.forEach(e -> e.title = e.title + "!"))));

        assertThat(await(db.selectRaw("SELECT actor_id, film_id, billing FROM ck_film_actor ORDER BY actor_id, film_id")))
                .extracting(r -> r.get("actor_id") + "/" + r.get("film_id") + ":" + ((Number) r.get("billing")).intValue())
                .containsExactly(ann.actorId + "/" + alien.filmId + ":11", ann.actorId + "/" + brazil.filmId + ":11",
                        bob.actorId + "/" + alien.filmId + ":12");
        assertThat(await(db.selectRaw("SELECT edition_year, title, version FROM ck_edition ORDER BY edition_year")))
                .extracting(r -> ((Number) r.get("edition_year")).intValue() + ":" + r.get("title") + "/"
                        + ((Number) r.get("version")).intValue())
                .containsExactly("2020:Kotlin 2020!/2", "2021:Kotlin 2021!/2", "2022:Kotlin 2022!/2", "2023:Kotlin 2023!/2");
    }

    @Test
    void aConcurrentChangeOfOneOfManyCompositeKeyedObjectsFailsNamingIt() {
        for (int year = 2020; year <= 2023; year++) {
            await(db.ainsert(edition("KT", year, "Kotlin " + year)));
        }

        assertThatThrownBy(() -> await(db.session(s -> db.aselect(Edition.class).fetchAll()
                .flatMap(all -> db.execute("UPDATE ck_edition SET version = 7 WHERE edition_year = 2022")
                        .contextWrite(ctx -> reactor.util.context.Context.empty()).thenReturn(all))
                .doOnNext(all -> all.forEach(e -> e.title = "changed")))))
                .isInstanceOf(OptimisticCheckException.class).hasMessageContaining("Edition[[KT, 2022]]");
        assertThat(await(db.selectRaw("SELECT title FROM ck_edition WHERE title = 'changed'"))).isEmpty();
        assertThat(await(db.selectRaw("SELECT version FROM ck_edition WHERE edition_year = 2022")))
                .extracting(r -> ((Number) r.get("version")).intValue()).as("the other transaction's change stays")
                .containsExactly(7);
    }

    @Test
    void aThreeColumnKeyFindsEachCell() {
        for (int row = 1; row <= 2; row++) {
            for (int col = 1; col <= 2; col++) {
                Cell cell = new Cell();
                cell.sheet = "s";
                cell.rowNo = row;
                cell.colNo = col;
                cell.content = row + "," + col;
                await(db.ainsert(cell));
            }
        }

        assertThat(await(db.getByKey(Cell.class, List.of("s", 2, 1))).content).isEqualTo("2,1");
        assertThat(await(db.aselect(Cell.class).filter(CompositeKeyTest_Cell_.rowNo.eq(1)).count())).isEqualTo(2L);
        assertThat(await(db.aselect(Cell.class).filter(CompositeKeyTest_Cell_.colNo.eq(2)).delete())).isEqualTo(2L);
        assertThat(await(db.aselect(Cell.class).raw("SELECT * FROM ck_cell ORDER BY row_no", null)))
                .extracting(c -> c.content).containsExactly("1,1", "2,1");
    }

    @Test
    void setsOfCompositeKeyedMembersArePrefetchedBothWays() {
        cast();

        List<Film> films = await(db.aselect(Film.class).prefetch(CompositeKeyTest_Film_.cast)
                .orderBy(CompositeKeyTest_Film_.title.asc()).fetchAll());
        assertThat(films.get(0).cast.stream().map(fa -> fa.actor.actorId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ann.actorId, bob.actorId);
        Actor loaded = await(db.aselect(Actor.class).filter(CompositeKeyTest_Actor_.name.eq("Ann"))
                .prefetch(CompositeKeyTest_Actor_.roles).getOrRaise());
        assertThat(loaded.roles).extracting(fa -> fa.billing).containsExactly(1, 1);
    }

    @Test
    void theSchemaListsEveryKeyColumnInOrder() {
        Table link = db.schema().get("ck_film_actor");
        assertThat(link.primaryKey()).containsExactly("actor_id", "film_id");
        assertThat(link.foreignKeys()).extracting(ForeignKey::columns)
                .containsExactlyInAnyOrder(List.of("actor_id"), List.of("film_id"));
        Table cell = db.schema().get("ck_cell");
        assertThat(cell.primaryKey()).containsExactly("sheet", "row_no", "col_no");
    }

    @Test
    void aKeyPartLeftUnsetIsRefusedNamingIt() {
        Edition noTitle = edition(null, 2020, "x");

        assertThatThrownBy(() -> await(db.ainsert(noTitle))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Edition").hasMessageContaining("misses code");
        FilmActor unsaved = new FilmActor(new Actor(), null, 1);
        assertThatThrownBy(() -> await(db.asave(unsaved))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FilmActor").hasMessageContaining("misses actor");
    }

    @Entity(table = "ck_gen_pair")
    static class GeneratedPair {
        @PrimaryKey String left;
        @PrimaryKey long right;
        String label;
    }

    @Test
    void createTablesWritesACompositePrimaryKey() {
        AsyncDatabase created = new AsyncDatabase(List.of(GeneratedPair.class));
        created.bind(target.provider(), target.url(), Map.of()).block(TIMEOUT);
        try {
            await(created.execute("DROP TABLE IF EXISTS ck_gen_pair"));
            await(created.generateMapping(true, true));
            GeneratedPair pair = new GeneratedPair();
            pair.left = "a";
            pair.right = 2L;
            pair.label = "two";
            await(created.ainsert(pair));
            assertThat(await(created.getByKey(GeneratedPair.class, List.of("a", 2))).label).isEqualTo("two");
            GeneratedPair twin = new GeneratedPair();
            twin.left = "a";
            twin.right = 2L;
            twin.label = "again";
            assertThatThrownBy(() -> await(created.ainsert(twin))).isNotInstanceOf(IllegalArgumentException.class);
        } finally {
            await(created.execute("DROP TABLE IF EXISTS ck_gen_pair"));
            created.close().block(TIMEOUT);
        }
    }

    @Entity(table = "ck_bad")
    static class RefersToComposite {
        @PrimaryKey Integer id;
        FilmActor role;
    }

    @Entity(table = "ck_bad2")
    static class KeyReferenceAlone {
        @PrimaryKey Actor actor;
    }

    @Test
    void unsupportedShapesAreRefusedNamingTheField() {
        // a reference to the composite-keyed link entity maps onto one column per key column (CompositeReferenceTest)
        assertThat(Mapping.build(List.of(Actor.class, Film.class, FilmActor.class, RefersToComposite.class), true)
                .entity(RefersToComposite.class).property("role").columns()).containsExactly("role_actor_id", "role_film_id");
        assertThatThrownBy(() -> Mapping.build(List.of(Actor.class, KeyReferenceAlone.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("KeyReferenceAlone.actor");
    }
}
