package io.nextorm.kit;

import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Relation loads and queries subscribed at the same time inside one session (zip, merge) see what they would in sequence. */
class ConcurrentLoadInSessionTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    /** ann wrote first and second, bob wrote third; first is tagged red and blue, second red. */
    private void blog() {
        Author ann = new Author("ann");
        Author bob = new Author("bob");
        Tag red = new Tag("red");
        Tag blue = new Tag("blue");
        Article first = new Article("first");
        first.setAuthor(ann);
        first.setTags(new HashSet<>(Set.of(red, blue)));
        Article second = new Article("second");
        second.setAuthor(ann);
        second.setTags(new HashSet<>(Set.of(red)));
        Article third = new Article("third");
        third.setAuthor(bob);
        await(db.session(s -> Mono.fromRunnable(() -> List.of(first, second, third).forEach(s::add))));
    }

    private Mono<Author> author(String name) {
        return db.aselect(Author.class).filter(Author_.name.eq(name)).getOrRaise();
    }

    private static Set<String> titles(Set<Article> articles) {
        Set<String> titles = new HashSet<>();
        articles.forEach(a -> titles.add(a.getTitle()));
        return titles;
    }

    @Test
    void twoLoadSetsZippedInOneSessionBothLoad() {
        blog();

        Tuple2<Set<String>, Set<String>> both = await(db.session(s -> Mono.zip(author("ann"), author("bob"))
                .flatMap(authors -> Mono.zip(db.<Article>loadSet(authors.getT1(), "articles").map(ConcurrentLoadInSessionTest::titles),
                        db.<Article>loadSet(authors.getT2(), "articles").map(ConcurrentLoadInSessionTest::titles)))));

        assertThat(both.getT1()).containsExactlyInAnyOrder("first", "second");
        assertThat(both.getT2()).containsExactly("third");
    }

    @Test
    void zippedLoadSetsAndPrefetchesOfManyRowsRepeatedlyLoadEverySet() {
        Author ann = new Author("ann");
        Author bob = new Author("bob");
        await(db.session(s -> Mono.fromRunnable(() -> {
            for (int i = 0; i < 400; i++) {
                Article a = new Article("a" + i);
                a.setAuthor(i % 2 == 0 ? ann : bob);
                s.add(a);
            }
        })));
        for (int i = 0; i < 10; i++) {
            Tuple2<Integer, Integer> both = await(db.session(s -> Mono.zip(author("ann"), author("bob"))
                    .flatMap(authors -> Mono.zip(db.<Article>loadSet(authors.getT1(), "articles").map(Set::size),
                            db.<Article>loadSet(authors.getT2(), "articles").map(Set::size)))));
            assertThat(both.getT1()).as("ann " + i).isEqualTo(200);
            assertThat(both.getT2()).as("bob " + i).isEqualTo(200);
            Tuple2<List<Article>, List<Author>> q = await(db.session(s -> Mono.zip(db.aselect(Article.class).fetchAll(),
                    db.aselect(Author.class).prefetch(Author_.articles).fetchAll())));
            assertThat(q.getT1()).hasSize(400);
            assertThat(q.getT2()).extracting(a -> a.articles.size()).containsExactly(200, 200);
        }
    }

    @Test
    void zippedLoadSetsOfReferencedStubsAndManyToManySetsBothLoad() {
        blog();
        for (int i = 0; i < 10; i++) {
            Tuple2<Set<String>, Set<String>> both = await(db.session(s -> db.aselect(Article.class).orderBy(Article_.title.asc()).fetchAll()
                    .flatMap(articles -> Mono.zip(db.<Article>loadSet(articles.get(0).getAuthor(), "articles").map(ConcurrentLoadInSessionTest::titles),
                            db.<Article>loadSet(articles.get(2).getAuthor(), "articles").map(ConcurrentLoadInSessionTest::titles)))));
            assertThat(both.getT1()).as("ann " + i).containsExactlyInAnyOrder("first", "second");
            assertThat(both.getT2()).as("bob " + i).containsExactly("third");
            Tuple2<Set<String>, Set<String>> both2 = await(db.session(s -> db.aselect(Article.class).orderBy(Article_.title.asc()).fetchAll()
                    .flatMap(articles -> Mono.zip(db.<Tag>loadSet(articles.get(0), "tags").map(t -> { Set<String> n = new HashSet<>(); t.forEach(x -> n.add(x.name)); return n; }),
                            db.<Tag>loadSet(articles.get(1), "tags").map(t -> { Set<String> n = new HashSet<>(); t.forEach(x -> n.add(x.name)); return n; })))));
            assertThat(both2.getT1()).as("t1 " + i).containsExactlyInAnyOrder("red", "blue");
            assertThat(both2.getT2()).as("t2 " + i).containsExactly("red");
        }
    }

    @Test
    void zippedLoadSetsAfterChangesAutoflushOnceAndBothLoad() {
        blog();
        for (int i = 0; i < 10; i++) {
            int n = i;
            Tuple2<Set<String>, Set<String>> both = await(db.session(s -> Mono.zip(author("ann"), author("bob"))
                    .flatMap(authors -> {
                        Article extra = new Article("x" + n);
                        extra.setAuthor(authors.getT2());
                        s.add(extra);
                        authors.getT1().email = "e" + n;
                        return Mono.zip(db.<Article>loadSet(authors.getT1(), "articles").map(ConcurrentLoadInSessionTest::titles),
                            db.<Article>loadSet(authors.getT2(), "articles").map(ConcurrentLoadInSessionTest::titles));
                    })));
            assertThat(both.getT1()).as("ann " + i).containsExactlyInAnyOrder("first", "second");
            assertThat(both.getT2()).as("bob " + i).hasSize(2 + i);
        }
    }

    @Test
    void zippedQueriesPrefetchingTheSameSetsBothSeeThem() {
        blog();
        for (int i = 0; i < 10; i++) {
            Tuple2<List<Author>, List<Author>> q = await(db.session(s -> Mono.zip(
                    db.aselect(Author.class).prefetch(Author_.articles).orderBy(Author_.name.asc()).fetchAll(),
                    db.aselect(Author.class).prefetch(Author_.articles).orderBy(Author_.name.asc()).fetchAll())));
            assertThat(q.getT1()).extracting(a -> a.articles.size()).containsExactly(2, 1);
            assertThat(q.getT2()).extracting(a -> a.articles.size()).containsExactly(2, 1);
            Tuple2<List<Article>, List<Article>> t = await(db.session(s -> Mono.zip(
                    db.aselect(Article.class).prefetch(Article_.tags).orderBy(Article_.title.asc()).fetchAll(),
                    db.aselect(Article.class).prefetch(Article_.tags, Article_.author).orderBy(Article_.title.asc()).fetchAll())));
            assertThat(t.getT1()).extracting(a -> a.getTags().size()).containsExactly(2, 1, 0);
            assertThat(t.getT2()).extracting(a -> a.getTags().size()).containsExactly(2, 1, 0);
        }
    }

    @Test
    void zippedLoadSetsOfTwoOwnersOrOneOwnerTwiceRepeatedlyLoad() {
        blog();
        for (int i = 0; i < 10; i++) {
            Tuple2<Set<String>, Set<String>> both = await(db.session(s -> Mono.zip(author("ann"), author("bob"))
                    .flatMap(authors -> Mono.zip(db.<Article>loadSet(authors.getT1(), "articles").map(ConcurrentLoadInSessionTest::titles),
                            db.<Article>loadSet(authors.getT2(), "articles").map(ConcurrentLoadInSessionTest::titles)))));
            assertThat(both.getT1()).as("ann " + i).containsExactlyInAnyOrder("first", "second");
            assertThat(both.getT2()).as("bob " + i).containsExactly("third");
            Tuple2<Set<String>, Set<String>> both2 = await(db.session(s -> Mono.zip(author("ann"), author("bob"))
                    .flatMap(authors -> Mono.zip(db.<Article>loadSet(authors.getT1(), "articles").map(ConcurrentLoadInSessionTest::titles),
                            db.<Article>loadSet(authors.getT1(), "articles").map(ConcurrentLoadInSessionTest::titles)))));
            assertThat(both2.getT1()).as("ann1 " + i).containsExactlyInAnyOrder("first", "second");
            assertThat(both2.getT2()).as("ann2 " + i).containsExactlyInAnyOrder("first", "second");
            Tuple2<Set<String>, Set<String>> both3 = await(db.session(s -> Mono.zip(author("ann").flatMap(a -> db.<Article>loadSet(a, "articles")).map(ConcurrentLoadInSessionTest::titles),
                            author("bob").flatMap(a -> db.<Article>loadSet(a, "articles")).map(ConcurrentLoadInSessionTest::titles))));
            assertThat(both3.getT1()).as("ann3 " + i).containsExactlyInAnyOrder("first", "second");
            assertThat(both3.getT2()).as("bob3 " + i).containsExactly("third");
        }
    }

    @Test
    void twoManyToManyLoadSetsZippedInOneSessionBothLoad() {
        blog();

        Tuple2<Integer, Integer> sizes = await(db.session(s -> db.aselect(Article.class).orderBy(Article_.title.asc())
                .fetchAll().flatMap(articles -> db.<Tag>loadSet(articles.get(0), "tags").map(Set::size)
                        .zipWith(db.<Tag>loadSet(articles.get(1), "tags").map(Set::size)))));

        assertThat(sizes.getT1()).isEqualTo(2);
        assertThat(sizes.getT2()).isEqualTo(1);
    }

    @Test
    void twoPrefetchingQueriesZippedInOneSessionBothLoad() {
        blog();

        Tuple2<List<Author>, List<Article>> both = await(db.session(s -> Mono.zip(
                db.aselect(Author.class).prefetch(Author_.articles).orderBy(Author_.name.asc()).fetchAll(),
                db.aselect(Article.class).prefetch(Article_.tags).orderBy(Article_.title.asc()).fetchAll())));

        assertThat(both.getT1()).extracting(a -> titles(a.articles)).containsExactly(Set.of("first", "second"), Set.of("third"));
        assertThat(both.getT2()).extracting(a -> a.getTags().size()).containsExactly(2, 1, 0);
    }

    @Test
    void twoFetchAllZippedInOneSessionBothReturnTheirRows() {
        blog();

        Tuple2<List<Author>, List<Article>> both = await(db.session(s -> Mono.zip(
                db.aselect(Author.class).orderBy(Author_.name.asc()).fetchAll(),
                db.aselect(Article.class).orderBy(Article_.title.asc()).fetchAll())));

        assertThat(both.getT1()).extracting(a -> a.name).containsExactly("ann", "bob");
        assertThat(both.getT2()).extracting(Article::getTitle).containsExactly("first", "second", "third");
        assertThat(both.getT2().get(0).getAuthor()).isSameAs(both.getT1().get(0));
    }

    @Test
    void mergedQueriesInOneSessionReturnEveryRow() {
        blog();

        List<String> names = await(db.session(s -> Flux.merge(
                db.aselect(Author.class).filter(Author_.name.eq("ann")).fetchAll().flatMapIterable(l -> l).map(a -> a.name),
                db.aselect(Article.class).fetchAll().flatMapIterable(l -> l).map(Article::getTitle),
                db.aselect(Author.class).filter(Author_.name.eq("bob")).fetchAll().flatMapIterable(l -> l).map(a -> a.name))
                .collectList()));

        assertThat(names).containsExactlyInAnyOrder("ann", "first", "second", "third", "bob");
    }
}
