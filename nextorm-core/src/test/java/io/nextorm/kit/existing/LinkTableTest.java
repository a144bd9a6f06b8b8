package io.nextorm.kit.existing;

import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.JoinTable;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Reverse;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @JoinColumn}, {@code @JoinTable} and {@code @Reverse} over tables made by hand: FK columns named
 * like the referenced key ({@code country_id}), a link table with its own name and the pair of FKs as its
 * primary key, and two references to one entity told apart.
 */
class LinkTableTest extends ExistingSchemaKit {

    @Entity(table = "ex_country")
    static class Country {
        @PrimaryKey Integer countryId;
        String name;
        Set<City> cities;
    }

    @Entity(table = "ex_city")
    static class City {
        @PrimaryKey Integer cityId;
        String name;
        @JoinColumn(name = "country_id") Country country;
        @Reverse("homeCity") Set<Film> homeFilms;
        @Reverse("shotCity") Set<Film> shotFilms;
    }

    @Entity(table = "ex_film")
    static class Film {
        @PrimaryKey Integer filmId;
        String title;
        @Nullable @JoinColumn(name = "home_city") City homeCity;
        @Nullable @JoinColumn(name = "shot_city") City shotCity;
        @JoinTable(name = "ex_film_actor", joinColumns = "film_id", inverseJoinColumns = "actor_id") Set<Actor> actors;
    }

    @Entity(table = "ex_actor")
    static class Actor {
        @PrimaryKey Integer actorId;
        String name;
        Set<Film> films;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Country.class, City.class, Film.class, Actor.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("ex_film_actor", "ex_film", "ex_actor", "ex_city", "ex_country");
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        String id = generatedKey(database);
        return List.of(
                "CREATE TABLE ex_country (country_id " + id + ", name VARCHAR(50) NOT NULL)",
                "CREATE TABLE ex_city (city_id " + id + ", name VARCHAR(50) NOT NULL,"
                        + " country_id INT NOT NULL REFERENCES ex_country (country_id))",
                "CREATE TABLE ex_actor (actor_id " + id + ", name VARCHAR(50) NOT NULL)",
                "CREATE TABLE ex_film (film_id " + id + ", title VARCHAR(80) NOT NULL,"
                        + " home_city INT NULL REFERENCES ex_city (city_id), shot_city INT NULL REFERENCES ex_city (city_id))",
                "CREATE TABLE ex_film_actor (actor_id INT NOT NULL REFERENCES ex_actor (actor_id),"
                        + " film_id INT NOT NULL REFERENCES ex_film (film_id), PRIMARY KEY (actor_id, film_id))");
    }

    private Film film(String title, City home, City shot, Actor... actors) {
        Film film = new Film();
        film.title = title;
        film.homeCity = home;
        film.shotCity = shot;
        film.actors = new HashSet<>(Set.of(actors));
        return film;
    }

    private City city(String name, Country country) {
        City city = new City();
        city.name = name;
        city.country = country;
        return city;
    }

    private void world() {
        Country france = new Country();
        france.name = "France";
        City paris = city("Paris", france);
        City lyon = city("Lyon", france);
        Actor ann = new Actor();
        ann.name = "Ann";
        Actor bob = new Actor();
        bob.name = "Bob";
        Film one = film("One", paris, lyon, ann, bob);
        Film two = film("Two", paris, paris, ann);
        await(db.session(s -> Mono.fromRunnable(() -> List.of(one, two).forEach(s::add))));
    }

    @Test
    void referencesWriteAndReadTheNamedForeignKeyColumns() {
        world();

        List<Map<String, Object>> rows = await(db.selectRaw("SELECT c.name AS city, k.name AS country FROM ex_city c "
                + "JOIN ex_country k ON k.country_id = c.country_id ORDER BY c.name"));
        assertThat(rows).extracting(r -> r.get("city") + "/" + r.get("country")).containsExactly("Lyon/France", "Paris/France");
        List<City> cities = await(db.aselect(City.class).prefetch(LinkTableTest_City_.country)
                .orderBy(LinkTableTest_City_.name.asc()).fetchAll());
        assertThat(cities).extracting(c -> c.country.name).containsExactly("France", "France");
    }

    @Test
    void aManyToManySetIsWrittenToAndReadFromTheExistingLinkTable() {
        world();

        List<Map<String, Object>> links = await(db.selectRaw("SELECT f.title AS title, a.name AS name FROM ex_film_actor l "
                + "JOIN ex_film f ON f.film_id = l.film_id JOIN ex_actor a ON a.actor_id = l.actor_id ORDER BY f.title, a.name"));
        assertThat(links).extracting(r -> r.get("title") + ":" + r.get("name")).containsExactly("One:Ann", "One:Bob", "Two:Ann");
        List<Actor> actors = await(db.aselect(Actor.class).prefetch(LinkTableTest_Actor_.films)
                .orderBy(LinkTableTest_Actor_.name.asc()).fetchAll());
        assertThat(actors.get(0).films.stream().map(f -> f.title).collect(Collectors.toSet())).containsExactlyInAnyOrder("One", "Two");
        assertThat(actors.get(1).films.stream().map(f -> f.title).collect(Collectors.toSet())).containsExactly("One");
    }

    @Test
    void reverseChoosesWhichReferenceEachSetFollows() {
        world();

        City paris = await(db.aselect(City.class).filter(LinkTableTest_City_.name.eq("Paris"))
                .prefetch(LinkTableTest_City_.homeFilms, LinkTableTest_City_.shotFilms).getOrRaise());
        assertThat(paris.homeFilms.stream().map(f -> f.title).collect(Collectors.toSet())).containsExactlyInAnyOrder("One", "Two");
        assertThat(paris.shotFilms.stream().map(f -> f.title).collect(Collectors.toSet())).containsExactly("Two");
    }

    @Test
    void aNestedPathPrefetchesTheReferencesOfTheReferences() {
        world();

        List<Film> films = await(db.aselect(Film.class)
                .prefetch(LinkTableTest_Film_.homeCity.then(LinkTableTest_City_.country), LinkTableTest_Film_.actors)
                .orderBy(LinkTableTest_Film_.title.asc()).fetchAll());

        assertThat(films).extracting(f -> f.homeCity.name + "/" + f.homeCity.country.name)
                .containsExactly("Paris/France", "Paris/France");
        assertThat(films.get(0).actors).hasSize(2);
        assertThatThrownBy(() -> db.aselect(Film.class).prefetch(LinkTableTest_Film_.homeCity.then(LinkTableTest_City_.name)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("City.name is a column");
    }

    @Test
    void linkRowsGoWhenAFilmIsDeleted() {
        world();
        Film two = await(db.aselect(Film.class).filter(LinkTableTest_Film_.title.eq("Two")).getOrRaise());

        await(db.adeleteInstance(two));

        assertThat(await(db.selectRaw("SELECT film_id FROM ex_film_actor"))).hasSize(2);
        assertThat(await(db.aselect(Film.class).count())).isEqualTo(1L);
    }

    @Entity(table = "ex_a")
    static class Ambiguous {
        @PrimaryKey Integer id;
        Set<Car> cars;
    }

    @Entity(table = "ex_car")
    static class Car {
        @PrimaryKey Integer id;
        Ambiguous owner;
        Ambiguous driver;
    }

    @Entity(table = "ex_b")
    static class WrongReverse {
        @PrimaryKey Integer id;
        @Reverse("pilot") Set<Plane> planes;
    }

    @Entity(table = "ex_plane")
    static class Plane {
        @PrimaryKey Integer id;
        WrongReverse owner;
    }

    @Entity(table = "ex_c")
    static class JoinColumnOnBasic {
        @PrimaryKey Integer id;
        @JoinColumn(name = "x") String name;
    }

    @Entity(table = "ex_d")
    static class BothSides {
        @PrimaryKey Integer id;
        @JoinTable(name = "ex_link") Set<OtherSide> others;
    }

    @Entity(table = "ex_e")
    static class OtherSide {
        @PrimaryKey Integer id;
        @JoinTable(name = "ex_link") Set<BothSides> sides;
    }

    @Test
    void mistakesInTheseAnnotationsAreMappingErrorsThatSayWhatToDo() {
        assertThatThrownBy(() -> Mapping.build(List.of(Ambiguous.class, Car.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("[owner, driver]")
                .hasMessageContaining("@Reverse(\"field\")");
        assertThatThrownBy(() -> Mapping.build(List.of(WrongReverse.class, Plane.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("@Reverse(\"pilot\")")
                .hasMessageContaining("[owner]");
        assertThatThrownBy(() -> Mapping.build(List.of(JoinColumnOnBasic.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("JoinColumnOnBasic.name")
                .hasMessageContaining("@Column(name");
        assertThatThrownBy(() -> Mapping.build(List.of(BothSides.class, OtherSide.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("keep it on one side");
    }
}
