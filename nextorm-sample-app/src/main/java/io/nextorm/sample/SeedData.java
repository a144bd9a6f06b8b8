package io.nextorm.sample;

import io.nextorm.AsyncDatabase;
import io.nextorm.DbSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an empty library at startup with three authors, twelve books, their tags and a few reviews,
 * in one session (one multi-row INSERT per table). A library that has authors already is left alone,
 * so restarting against PostgreSQL or MariaDB seeds nothing twice.
 */
@Component
public class SeedData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SeedData.class);

    private final AsyncDatabase db;

    /**
     * Creates the seeder.
     *
     * @param db the database to seed
     */
    public SeedData(AsyncDatabase db) {
        this.db = db;
    }

    /**
     * Seeds the library. It waits for the result, once, on the main thread at startup (as Spring's
     * {@code ConnectionFactoryInitializer} does), so that the first request sees the books.
     *
     * @param args the application's arguments (unused)
     */
    @Override
    public void run(ApplicationArguments args) {
        Boolean seeded = seed().block(Duration.ofMinutes(1));
        if (Boolean.TRUE.equals(seeded)) {
            LOG.info("Seeded the library with 12 books");
        }
    }

    /**
     * Writes the seed unless there is an author already.
     *
     * @return true when it wrote the seed
     */
    public Mono<Boolean> seed() {
        return db.aselect(Author.class).exists()
                .flatMap(any -> any ? Mono.just(false) : db.session(s -> Mono.fromCallable(() -> {
                    addBooks(s);
                    return true;
                })));
    }

    private static void addBooks(DbSession s) {
        Map<String, Tag> tags = new HashMap<>();
        for (String name : List.of("classic", "fantasy", "satire", "science-fiction", "time-travel")) {
            tags.put(name, s.add(new Tag(name)));
        }
        Author leGuin = s.add(new Author("Ursula K. Le Guin"));
        Author pratchett = s.add(new Author("Terry Pratchett"));
        Author butler = s.add(new Author("Octavia E. Butler"));

        Book earthsea = book(s, tags, "A Wizard of Earthsea", "978-0-00-000001-1", 1968, leGuin,
                "A boy with a gift for magic goes to the school on Roke, and lets loose a shadow.", "fantasy", "classic");
        book(s, tags, "The Left Hand of Darkness", "978-0-00-000002-8", 1969, leGuin,
                "An envoy comes to Gethen, a winter world whose people have no fixed sex.", "science-fiction", "classic");
        Book dispossessed = book(s, tags, "The Dispossessed", "978-0-00-000003-5", 1974, leGuin,
                "A physicist leaves his anarchist moon for the rich planet it broke away from.", "science-fiction");
        book(s, tags, "The Lathe of Heaven", "978-0-00-000004-2", 1971, leGuin,
                "A man whose dreams change the world, and the psychiatrist who wants to steer them.",
                "science-fiction");
        Book colour = book(s, tags, "The Colour of Magic", "978-0-00-000005-9", 1983, pratchett,
                "A failed wizard guides the Discworld's first tourist.", "fantasy", "satire");
        book(s, tags, "Guards! Guards!", "978-0-00-000006-6", 1989, pratchett,
                "The Night Watch of Ankh-Morpork against a summoned dragon.", "fantasy", "satire");
        Book smallGods = book(s, tags, "Small Gods", "978-0-00-000007-3", 1992, pratchett,
                "A god with one believer left, in the shape of a tortoise.", "fantasy", "satire", "classic");
        book(s, tags, "Going Postal", "978-0-00-000008-0", 2004, pratchett,
                "A conman is given the city's ruined post office to run.", "fantasy", "satire");
        Book kindred = book(s, tags, "Kindred", "978-0-00-000009-7", 1979, butler,
                "A woman is pulled from 1976 California to a plantation in antebellum Maryland.",
                "time-travel", "classic");
        book(s, tags, "Parable of the Sower", "978-0-00-000010-3", 1993, butler,
                "A young woman with hyperempathy walks north out of a collapsing Los Angeles.", "science-fiction");
        book(s, tags, "Dawn", "978-0-00-000011-0", 1987, butler,
                "The last humans wake aboard an alien ship that means to save them, for a price.", "science-fiction");
        book(s, tags, "Wild Seed", "978-0-00-000012-7", 1980, butler,
                "Two immortals, one who breeds people and one who heals them, across two centuries.", "fantasy");

        s.add(new Review(earthsea, "Ged's fan", 5, "Still the best school of wizardry."));
        s.add(new Review(earthsea, "Vetch", 4, "Short, and never a wasted word."));
        s.add(new Review(dispossessed, "Shevek", 5, "An ambiguous utopia indeed."));
        s.add(new Review(colour, "Rincewind", 3, "Too many tourists."));
        s.add(new Review(smallGods, "Om", 5, "Finally, a believer."));
        s.add(new Review(kindred, "Dana", 5, "Unforgettable."));
    }

    private static Book book(DbSession s, Map<String, Tag> tags, String title, String isbn, int year, Author author,
                             String description, String... tagNames) {
        Book book = new Book(title, isbn, year, description, author);
        for (String name : tagNames) {
            book.getTags().add(tags.get(name));
        }
        return s.add(book);
    }
}
