package io.nextorm.kit.existing.sakila;

import io.nextorm.Tuple;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sakila sample schema as users meet it: tables made by each database's own DDL (not by nextorm), mapped
 * with {@code @JoinColumn}/{@code @JoinTable}/{@code @Reverse} and checked with {@code SchemaCheck.VALIDATE};
 * every answer is compared with the same question asked in plain SQL.
 */
class SakilaTest extends SakilaKit {

    @Override
    protected List<Class<?>> entities() {
        return ENTITIES;
    }

    private List<Object> column(String sql) {
        return await(db.selectRaw(sql)).stream().map(row -> normalize(row.values().iterator().next())).toList();
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Long) {
            Number n = (Number) value;
            return n.longValue();
        }
        return value;
    }

    @Test
    void everyTableCountsAsInPlainSql() {
        for (Class<?> type : entities()) {
            String table = db.schema().keySet().stream().filter(t -> t.equalsIgnoreCase(type.getSimpleName())).findFirst()
                    .orElseThrow();
            long count = await(db.aselect(type).count());
            assertThat(count).as(table).isEqualTo(column("SELECT COUNT(*) FROM " + table).get(0));
        }
    }

    @Test
    void filmsLoadWithEveryColumnTypeAsStored() {
        List<Film> films = await(db.aselect(Film.class).prefetch(Film_.language, Film_.originalLanguage)
                .orderBy(Film_.filmId.asc()).fetchAll());

        assertThat(films).extracting(f -> f.title).containsExactlyElementsOf(
                column("SELECT title FROM film ORDER BY film_id").stream().map(String.class::cast).toList());
        assertThat(films).extracting(f -> f.rating).containsExactly("PG", "G", "NC-17", null);
        assertThat(films).extracting(f -> f.releaseYear).containsExactly(2006, 2006, null, 2006);
        assertThat(films).extracting(f -> f.length).containsExactly((short) 86, (short) 48, null, (short) 117);
        assertThat(films).extracting(f -> f.rentalDuration).containsExactly(6, 3, 7, 5);
        assertThat(films).extracting(f -> f.rentalRate.toPlainString()).containsExactly("0.99", "4.99", "2.99", "2.99");
        assertThat(films).extracting(f -> f.language.name.trim()).containsExactly("English", "English", "Italian", "English");
        assertThat(films).extracting(f -> f.originalLanguage == null ? null : f.originalLanguage.name.trim())
                .containsExactly(null, "Italian", null, null);
        assertThat(films.get(0).specialFeatures).containsExactly("Trailers", "Deleted Scenes");
        assertThat(films.get(1).specialFeatures).isNull();
        assertThat(films.get(0).lastUpdate).isEqualTo(LocalDateTime.of(2006, 2, 15, 9, 34, 33));
    }

    @Test
    void conditionsOnEnumDomainAndSmallintColumnsAnswerAsPlainSql() {
        assertThat(titles(db.aselect(Film.class).filter(Film_.rating.eq("PG")).fetchAll()))
                .isEqualTo(sqlTitles("SELECT title FROM film WHERE rating = 'PG'"));
        assertThat(titles(db.aselect(Film.class).filter(Film_.rating.in("G", "NC-17")).fetchAll()))
                .isEqualTo(sqlTitles("SELECT title FROM film WHERE rating IN ('G', 'NC-17')"));
        assertThat(titles(db.aselect(Film.class).filter(Film_.releaseYear.eq(2006), Film_.length.gt((short) 50)).fetchAll()))
                .isEqualTo(sqlTitles("SELECT title FROM film WHERE release_year = 2006 AND length > 50"));
        assertThat(titles(db.aselect(Film.class).where(f -> f.getRating() == null).fetchAll()))
                .isEqualTo(sqlTitles("SELECT title FROM film WHERE rating IS NULL"));
        assertThat(titles(db.aselect(Film.class).where(f -> "NC-17".equals(f.getRating()) || f.getLength() > 100).fetchAll()))
                .isEqualTo(sqlTitles("SELECT title FROM film WHERE rating = 'NC-17' OR length > 100"));
    }

    @Test
    void booleanFlagsOverIntegerAndBooleanColumnsFilterAsPlainSql() {
        String activeSql = target == TestDatabase.POSTGRES ? "active = 1" : "active = TRUE";
        Set<String> expected = new TreeSet<>(column("SELECT first_name FROM customer WHERE " + activeSql).stream()
                .map(String.class::cast).toList());

        List<Customer> active = await(db.aselect(Customer.class).filter(Customer_.active.eq(true)).fetchAll());
        List<Customer> lambda = await(db.aselect(Customer.class).where(c -> c.getActive()).fetchAll());
        List<Customer> inactive = await(db.aselect(Customer.class).where(c -> !c.getActive()).fetchAll());

        assertThat(names(active)).isEqualTo(expected);
        assertThat(names(lambda)).isEqualTo(expected);
        assertThat(inactive).extracting(c -> c.firstName).containsExactly("LINDA");
        assertThat(await(db.aselect(Staff.class).where(s -> s.isActive()).fetchAll())).extracting(s -> s.firstName)
                .containsExactly("Mike");
    }

    @Test
    void pathsThroughReferencesAnswerAsPlainSqlJoins() {
        String sql = "SELECT cu.first_name FROM customer cu JOIN address a ON a.address_id = cu.address_id"
                + " JOIN city ci ON ci.city_id = a.city_id JOIN country co ON co.country_id = ci.country_id"
                + " WHERE co.country = 'Canada' ORDER BY cu.first_name";
        List<Object> expected = column(sql);

        List<Customer> dsl = await(db.aselect(Customer.class)
                .filter(Customer_.address.then(Address_.city).then(City_.country).then(Country_.country).eq("Canada"))
                .orderBy(Customer_.firstName.asc()).fetchAll());
        List<Customer> lambda = await(db.aselect(Customer.class)
                .where(c -> c.getAddress().getCity().getCountry().getCountry().equals("Canada"))
                .orderBy(Customer_.firstName.asc()).fetchAll());

        assertThat(dsl).extracting(c -> (Object) c.firstName).containsExactlyElementsOf(expected);
        assertThat(lambda).extracting(c -> (Object) c.firstName).containsExactlyElementsOf(expected);
    }

    @Test
    void theFilmActorLinkTableAnswersBothWays() {
        List<Actor> actors = await(db.aselect(Actor.class).prefetch(Actor_.films).orderBy(Actor_.actorId.asc()).fetchAll());
        for (Actor actor : actors) {
            Set<String> expected = new HashSet<>(sqlTitles("SELECT f.title FROM film f JOIN film_actor fa ON fa.film_id = f.film_id"
                    + " WHERE fa.actor_id = " + actor.actorId));
            assertThat(actor.films.stream().map(f -> f.title).collect(Collectors.toSet())).as(actor.firstName).isEqualTo(expected);
        }

        List<Actor> inTwo = await(db.aselect(Actor.class).where(a -> a.getFilms().size() > 1).fetchAll());
        assertThat(inTwo).extracting(a -> (Object) a.firstName).containsExactlyElementsOf(column(
                "SELECT a.first_name FROM actor a WHERE (SELECT COUNT(*) FROM film_actor fa WHERE fa.actor_id = a.actor_id) > 1"));
        List<Film> withPenelope = await(db.aselect(Film.class)
                .where(f -> f.getActors().stream().anyMatch(a -> a.getFirstName().equals("PENELOPE"))).orderBy(Film_.filmId.asc())
                .fetchAll());
        assertThat(titles(Mono.just(withPenelope))).isEqualTo(sqlTitles("SELECT f.title FROM film f JOIN film_actor fa"
                + " ON fa.film_id = f.film_id JOIN actor a ON a.actor_id = fa.actor_id WHERE a.first_name = 'PENELOPE'"));
        Film academy = await(db.aselect(Film.class).filter(Film_.filmId.eq(1)).prefetch(Film_.categories, Film_.actors).getOrRaise());
        assertThat(academy.categories).extracting(c -> c.name).containsExactly("Action");
        assertThat(academy.actors).hasSize(column("SELECT COUNT(*) FROM film_actor WHERE film_id = 1").get(0) instanceof Long n
                ? n.intValue() : -1);
    }

    @Test
    void lambdasOverDecimalsDatesAndStringsAnswerAsPlainSql() {
        BigDecimal two = new BigDecimal("2.00");
        LocalDateTime cutoff = LocalDateTime.of(2005, 5, 24, 23, 0);

        assertThat(titles(db.aselect(Film.class).where(f -> f.getRentalRate().compareTo(two) > 0).fetchAll()))
                .isEqualTo(sqlTitles("SELECT title FROM film WHERE rental_rate > 2"));
        assertThat(titles(db.aselect(Film.class).where(f -> f.getTitle().startsWith("AC") && f.getTitle().length() > 10)
                .fetchAll())).isEqualTo(sqlTitles("SELECT title FROM film WHERE title LIKE 'AC%' AND "
                + (target.isSqlite() ? "LENGTH" : "CHAR_LENGTH") + "(title) > 10"));
        assertThat(await(db.aselect(Rental.class).where(r -> r.getRentalDate().isAfter(cutoff)).count()))
                .isEqualTo(column("SELECT COUNT(*) FROM rental WHERE rental_date > '2005-05-24 23:00:00'").get(0));
        assertThat(await(db.aselect(Rental.class).where(r -> r.getRentalDate().getYear() == 2005).count()))
                .isEqualTo(column("SELECT COUNT(*) FROM rental").get(0));
        assertThat(await(db.aselect(Payment.class).where(p -> p.getCustomer().getLastName().toLowerCase().equals("smith"))
                .count())).isEqualTo(column("SELECT COUNT(*) FROM payment p JOIN customer c ON c.customer_id = p.customer_id"
                + " WHERE LOWER(c.last_name) = 'smith'").get(0));
    }

    @Test
    void twoReferencesToLanguageAreToldApart() {
        Language italian = await(db.aselect(Language.class).filter(Language_.languageId.eq(2))
                .prefetch(Language_.films, Language_.originalFilms).getOrRaise());

        assertThat(titles(Mono.just(List.copyOf(italian.films)))).isEqualTo(sqlTitles("SELECT title FROM film WHERE language_id = 2"));
        assertThat(titles(Mono.just(List.copyOf(italian.originalFilms))))
                .isEqualTo(sqlTitles("SELECT title FROM film WHERE original_language_id = 2"));
    }

    @Test
    void aggregatesOverPaymentsAnswerAsPlainSql() {
        BigDecimal mary = (BigDecimal) await(db.aselect(Payment.class)
                .filter(Payment_.customer.then(Customer_.firstName).eq("MARY")).sum(Payment_.amount));
        Object sql = column("SELECT SUM(p.amount) FROM payment p JOIN customer c ON c.customer_id = p.customer_id"
                + " WHERE c.first_name = 'MARY'").get(0);
        assertThat(mary).isEqualByComparingTo(new BigDecimal(sql.toString()));

        List<Tuple> perCustomer = await(db.select(Payment_.customer.then(Customer_.lastName), Payment_.amount.sum())
                .groupBy(Payment_.customer.then(Customer_.lastName)).orderBy(Payment_.customer.then(Customer_.lastName).asc())
                .fetchAll());
        List<Map<String, Object>> expected = await(db.selectRaw("SELECT c.last_name AS n, SUM(p.amount) AS s FROM payment p"
                + " JOIN customer c ON c.customer_id = p.customer_id GROUP BY c.last_name ORDER BY c.last_name"));
        assertThat(perCustomer).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(perCustomer.get(i).get(0)).isEqualTo(expected.get(i).get("n"));
            assertThat(new BigDecimal(perCustomer.get(i).get(1).toString()))
                    .isEqualByComparingTo(new BigDecimal(expected.get(i).get("s").toString()));
        }
        long late = await(db.aselect(Rental.class).where(r -> r.getReturnDate() == null).count());
        assertThat(late).isEqualTo(column("SELECT COUNT(*) FROM rental WHERE return_date IS NULL").get(0));
    }

    @Test
    void nestedPrefetchLoadsRentalsWithTheirFilmsAndCustomers() {
        List<Rental> rentals = await(db.aselect(Rental.class)
                .prefetch(Rental_.inventory.then(Inventory_.film), Rental_.customer, Rental_.staff)
                .orderBy(Rental_.rentalId.asc()).fetchAll());
        List<Map<String, Object>> expected = await(db.selectRaw("SELECT f.title AS t, c.last_name AS c, s.username AS u"
                + " FROM rental r JOIN inventory i ON i.inventory_id = r.inventory_id JOIN film f ON f.film_id = i.film_id"
                + " JOIN customer c ON c.customer_id = r.customer_id JOIN staff s ON s.staff_id = r.staff_id ORDER BY r.rental_id"));

        assertThat(rentals).extracting(r -> r.inventory.film.title + "/" + r.customer.lastName + "/" + r.staff.username)
                .containsExactlyElementsOf(expected.stream().map(m -> m.get("t") + "/" + m.get("c") + "/" + m.get("u")).toList());
        Store one = await(db.aselect(Store.class).filter(Store_.storeId.eq(1)).prefetch(Store_.manager, Store_.staff,
                Store_.customers).getOrRaise());
        assertThat(one.manager.username).isEqualTo("Mike");
        assertThat(one.staff).extracting(s -> s.username).containsExactly("Mike");
        assertThat(one.customers.stream().map(c -> c.firstName).collect(Collectors.toSet()))
                .isEqualTo(new HashSet<>(column("SELECT first_name FROM customer WHERE store_id = 1")));
    }

    @Test
    void changesInASessionAreWrittenToTheExistingColumns() {
        await(db.session(s -> db.getByKey(Customer.class, 3).doOnNext(c -> {
            c.active = true;
            c.email = "linda@example.org";
        })));
        await(db.session(s -> db.getByKey(Film.class, 3).flatMap(f -> db.loadSet(f, "actors").thenReturn(f))
                .zipWith(db.getByKey(Actor.class, 4)).doOnNext(t -> {
            t.getT1().actors.add(t.getT2());
            t.getT1().rating = "PG-13";
            t.getT1().length = (short) 99;
        })));

        String active = target == TestDatabase.POSTGRES ? "active = 1" : "active = TRUE";
        assertThat(column("SELECT email FROM customer WHERE customer_id = 3 AND " + active)).containsExactly("linda@example.org");
        assertThat(column("SELECT rating FROM film WHERE film_id = 3")).extracting(Objects::toString).containsExactly("PG-13");
        assertThat(column("SELECT actor_id FROM film_actor WHERE film_id = 3 ORDER BY actor_id")).containsExactly(3L, 4L);

        Actor added = new Actor();
        added.actorId = 50;
        added.firstName = "NEW";
        added.lastName = "FACE";
        added.lastUpdate = LocalDateTime.of(2020, 1, 1, 0, 0);
        await(db.ainsert(added));
        await(db.session(s -> db.getByKey(Film.class, 2).flatMap(f -> db.loadSet(f, "actors").thenReturn(f))
                .doOnNext(f -> f.actors.add(added))));
        assertThat(column("SELECT COUNT(*) FROM film_actor WHERE actor_id = 50")).containsExactly(1L);
        await(db.session(s -> db.getByKey(Film.class, 1).flatMap(f -> db.loadSet(f, "actors").thenReturn(f))
                .doOnNext(f -> f.actors.removeIf(a -> a.actorId == 2))));
        assertThat(column("SELECT actor_id FROM film_actor WHERE film_id = 1 ORDER BY actor_id")).containsExactly(1L, 4L);
    }

    @Test
    void newRowsLeftWithoutLastUpdateTakeTheColumnDefaultAndCanBeChangedAfterwards() {
        Category drama = new Category();
        drama.name = "Drama";
        Category horror = new Category();
        horror.name = "Horror";
        await(db.session(s -> Mono.fromRunnable(() -> {
            s.add(drama);
            s.add(horror);
        })));
        assertThat(drama.categoryId).isNotNull();
        assertThat(horror.categoryId).isEqualTo(drama.categoryId + 1);
        assertThat(column("SELECT COUNT(*) FROM category WHERE last_update IS NOT NULL AND category_id >= "
                + drama.categoryId)).containsExactly(2L);

        await(db.session(s -> db.getByKey(Category.class, drama.categoryId).doOnNext(c -> c.name = "Drama II")));
        assertThat(column("SELECT name FROM category WHERE category_id = " + drama.categoryId)).containsExactly("Drama II");
        Category loaded = await(db.getByKey(Category.class, horror.categoryId));
        assertThat(loaded.lastUpdate).isNotNull();
    }

    private static Set<String> names(List<Customer> customers) {
        return customers.stream().map(c -> c.firstName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> titles(Mono<List<Film>> films) {
        return Objects.requireNonNull(films.block(TIMEOUT)).stream().map(f -> f.title).sorted().toList();
    }

    private List<String> sqlTitles(String sql) {
        return column(sql).stream().map(String.class::cast).sorted().toList();
    }
}
