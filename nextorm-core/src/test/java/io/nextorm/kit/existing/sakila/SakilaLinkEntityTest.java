package io.nextorm.kit.existing.sakila;

import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sakila's link tables film_actor and film_category mapped as entities whose composite primary key is a
 * pair of references, beside the many-to-many sets over the same tables; every answer is compared with
 * plain SQL, and the mapping is checked with {@code SchemaCheck.VALIDATE}.
 */
class SakilaLinkEntityTest extends SakilaKit {

    @Override
    protected List<Class<?>> entities() {
        return java.util.stream.Stream.concat(ENTITIES.stream(), java.util.stream.Stream.of(FilmActor.class,
                FilmCategory.class)).toList();
    }

    private Set<String> sql(String sql) {
        return await(db.selectRaw(sql)).stream().map(row -> row.values().stream().map(v -> v instanceof Number n
                ? String.valueOf(n.longValue()) : String.valueOf(v)).collect(Collectors.joining("/")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyLinkRowLoadsAsInPlainSql() {
        List<FilmActor> links = await(db.aselect(FilmActor.class).prefetch(FilmActor_.actor, FilmActor_.film).fetchAll());
        assertThat(links.stream().map(l -> l.actor.actorId + "/" + l.film.filmId).collect(Collectors.<String, TreeSet<String>>toCollection(TreeSet::new)))
                .isEqualTo(sql("SELECT actor_id, film_id FROM film_actor"));
        assertThat(links).allSatisfy(l -> assertThat(l.lastUpdate).isNotNull());
        assertThat(await(db.aselect(FilmCategory.class).count()))
                .isEqualTo(((Number) await(db.selectRaw("SELECT COUNT(*) AS n FROM film_category")).get(0).get("n")).longValue());
    }

    @Test
    void lambdasAndReferenceConditionsOverTheKeyAnswerAsPlainSql() {
        String name = await(db.selectRaw("SELECT first_name FROM actor WHERE actor_id = 1")).get(0).get("first_name").toString();
        List<FilmActor> byName = await(db.aselect(FilmActor.class).where(fa -> fa.getActor().getFirstName().equals(name))
                .fetchAll());
        assertThat(byName.stream().map(fa -> String.valueOf(fa.film.filmId)).collect(Collectors.<String, TreeSet<String>>toCollection(TreeSet::new)))
                .isEqualTo(sql("SELECT fa.film_id FROM film_actor fa JOIN actor a ON a.actor_id = fa.actor_id"
                        + " WHERE a.first_name = '" + name + "'"));
        Film film = await(db.getByKey(Film.class, 1));
        assertThat(await(db.aselect(FilmActor.class).where(fa -> fa.getFilm() == film).count()))
                .isEqualTo((long) sql("SELECT actor_id FROM film_actor WHERE film_id = 1").size());
        Map<String, Object> first = await(db.selectRaw("SELECT actor_id, film_id FROM film_actor ORDER BY actor_id, film_id")).get(0);
        FilmActor one = await(db.session(s -> db.getByKey(FilmActor.class,
                List.of(((Number) first.get("actor_id")).intValue(), ((Number) first.get("film_id")).intValue()))));
        assertThat(one.actor.actorId).isEqualTo(((Number) first.get("actor_id")).intValue());
        assertThat(db.schema().get("film_actor").primaryKey()).containsExactly("actor_id", "film_id");
    }
}
