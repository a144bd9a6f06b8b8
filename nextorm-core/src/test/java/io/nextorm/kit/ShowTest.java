package io.nextorm.kit;

import io.nextorm.Lazy;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShowTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    /** Keys are chosen, not generated, so that the expected tables are fixed texts. */
    private void blog() {
        Author ann = new Author("ann");
        ann.id = 3L;
        ann.email = "ann@example.com";
        await(db.ainsert(ann));
        Article hello = new Article("Hello", 10);
        hello.setId(7L);
        hello.setSlug("hello");
        hello.setAuthor(ann);
        hello.setPublished(LocalDate.of(2024, 1, 2));
        hello.setBody(Lazy.of("a body that is never shown"));
        await(db.ainsert(hello));
        Article longer = new Article("A much longer title here", 1234);
        longer.setId(12L);
        longer.setSubtitle("sub");
        longer.setDraft(true);
        await(db.ainsert(longer));
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void showWritesAHeaderARuleAndOneLinePerObject() {
        blog();
        StringBuilder out = new StringBuilder();
        await(db.aselect(Article.class).orderBy(Article_.id.asc()).ashow(200, out));
        assertThat(out.toString()).isEqualTo(lines(
                "id | title                    | subtitle | slug  | views | draft | author    | published  | version",
                "---+--------------------------+----------+-------+-------+-------+-----------+------------+--------",
                "7  | Hello                    | null     | hello | 10    | false | Author[3] | 2024-01-02 | 1",
                "12 | A much longer title here | sub      | null  | 1234  | true  | null      | null       | 1"));
    }

    @Test
    void showNarrowsTheWidestColumnsAndCutsTheirCells() {
        blog();
        await(db.ainsert(author(4L, "a very long name indeed that goes on", null)));
        StringBuilder out = new StringBuilder();
        await(db.aselect(Author.class).orderBy(Author_.id.asc()).ashow(30, out));
        assertThat(out.toString()).isEqualTo(lines(
                "id | name        | email",
                "---+-------------+------------",
                "3  | ann         | ann@exam...",
                "4  | a very l... | null"));
        assertThat(out.toString().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
    }

    @Test
    void showOfNoRowsIsTheHeaderAndTheRule() {
        StringBuilder out = new StringBuilder();
        await(db.aselect(Author.class).ashow(120, out));
        assertThat(out.toString()).isEqualTo(lines("id | name | email", "---+------+------"));
    }

    @Test
    void showFollowsTheQuerySetsConditions() {
        blog();
        StringBuilder out = new StringBuilder();
        await(db.aselect(Article.class).filter(Article_.draft.isTrue()).ashow(200, out));
        assertThat(out.toString().lines()).hasSize(3).last().asString().startsWith("12 | A much longer title here");
    }

    @Test
    void showPrintsToSystemOutByDefault() {
        blog();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            await(db.aselect(Author.class).ashow());
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(lines(
                "id | name | email",
                "---+------+----------------",
                "3  | ann  | ann@example.com"));
    }

    @Test
    void showRefusesANarrowWidthOrNoOutput() {
        assertThatThrownBy(() -> db.aselect(Author.class).ashow(9, new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9");
        assertThatThrownBy(() -> db.aselect(Author.class).ashow(120, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutputErrorArrivesInTheMono() {
        blog();
        Appendable failing = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> await(db.aselect(Author.class).ashow(120, failing)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    }

    private static Author author(long id, String name, String email) {
        Author author = new Author(name);
        author.id = id;
        author.email = email;
        return author;
    }
}
