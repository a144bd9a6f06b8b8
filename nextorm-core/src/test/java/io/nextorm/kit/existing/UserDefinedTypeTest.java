package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.SchemaCheck;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enum and domain column types: on PostgreSQL a CREATE TYPE ... AS ENUM and a CREATE DOMAIN (values
 * bound to them are cast, {@code $1::ut_rating}); MariaDB's and H2's ENUM columns; text on SQLite.
 */
class UserDefinedTypeTest extends ExistingSchemaKit {

    enum Rating { G, PG, R }

    @Entity(table = "ut_movie")
    static class Movie {
        @PrimaryKey Integer id;
        String title;
        String rating;
        @Nullable Rating grade;
        Integer releaseYear;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Movie.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("ut_movie");
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(SchemaCheck.VALIDATE, true);
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return switch (database) {
            case POSTGRES -> List.of("DROP TYPE IF EXISTS ut_rating CASCADE", "DROP DOMAIN IF EXISTS ut_year CASCADE",
                    "CREATE TYPE ut_rating AS ENUM ('G', 'PG', 'R')",
                    "CREATE DOMAIN ut_year AS INTEGER CONSTRAINT ut_year_check CHECK (VALUE >= 1901)",
                    "CREATE TABLE ut_movie (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL, rating ut_rating NOT NULL,"
                            + " grade ut_rating NULL, release_year ut_year NOT NULL)");
            case H2, MARIADB -> List.of("CREATE TABLE ut_movie (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL,"
                    + " rating ENUM('G', 'PG', 'R') NOT NULL, grade ENUM('G', 'PG', 'R') NULL, release_year INT NOT NULL)");
            default -> List.of("CREATE TABLE ut_movie (id INTEGER PRIMARY KEY, title VARCHAR(40) NOT NULL,"
                    + " rating TEXT NOT NULL, grade TEXT NULL, release_year INTEGER NOT NULL)");
        };
    }

    private static Movie movie(int id, String title, String rating, Rating grade, int year) {
        Movie movie = new Movie();
        movie.id = id;
        movie.title = title;
        movie.rating = rating;
        movie.grade = grade;
        movie.releaseYear = year;
        return movie;
    }

    private void movies() {
        await(db.session(s -> Mono.fromRunnable(() -> {
            s.add(movie(1, "Alpha", "PG", Rating.G, 2001));
            s.add(movie(2, "Beta", "R", null, 1999));
            s.add(movie(3, "Gamma", "PG", Rating.R, 2010));
        })));
    }

    @Test
    void enumAndDomainColumnsAreWrittenAndFilteredWithStringsEnumsAndIntegers() {
        movies();

        assertThat(await(db.aselect(Movie.class).filter(UserDefinedTypeTest_Movie_.rating.eq("PG"))
                .orderBy(UserDefinedTypeTest_Movie_.id.asc()).fetchAll())).extracting(m -> m.title)
                .containsExactly("Alpha", "Gamma");
        assertThat(await(db.aselect(Movie.class).filter(UserDefinedTypeTest_Movie_.grade.eq(Rating.R)).fetchAll()))
                .extracting(m -> m.title).containsExactly("Gamma");
        assertThat(await(db.aselect(Movie.class).filter(UserDefinedTypeTest_Movie_.rating.in(List.of("R", "G")))
                .fetchAll())).extracting(m -> m.title).containsExactly("Beta");
        assertThat(await(db.aselect(Movie.class).filter(UserDefinedTypeTest_Movie_.releaseYear.gt(2000)).count()))
                .isEqualTo(2L);
    }

    @Test
    void aChangedEnumValueIsUpdatedWithItsCast() {
        movies();

        await(db.session(s -> db.aselect(Movie.class).filter(UserDefinedTypeTest_Movie_.id.eq(2)).getOrRaise()
                .doOnNext(m -> {
                    m.rating = "G";
                    m.grade = Rating.PG;
                })));

        List<Map<String, Object>> rows = await(db.selectRaw("SELECT rating, grade FROM ut_movie WHERE id = 2"));
        assertThat(String.valueOf(rows.get(0).get("rating"))).isEqualTo("G");
        assertThat(String.valueOf(rows.get(0).get("grade"))).isEqualTo("PG");
        Movie reloaded = await(db.aselect(Movie.class).filter(UserDefinedTypeTest_Movie_.id.eq(2)).getOrRaise());
        assertThat(reloaded.grade).isEqualTo(Rating.PG);
    }

    @Test
    void aValueOutsideTheEnumIsTheDatabasesError() {
        org.junit.jupiter.api.Assumptions.assumeFalse(target.isSqlite(), "SQLite has no enum type");
        assertThatThrownBy(() -> await(db.session(s -> Mono.fromRunnable(() -> s.add(movie(9, "Bad", "XX", null, 2000))))))
                .isInstanceOf(io.nextorm.NextOrmException.class);
    }
}
