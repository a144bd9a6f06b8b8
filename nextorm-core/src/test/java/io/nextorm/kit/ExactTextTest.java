package io.nextorm.kit;

import io.nextorm.SqlExecutionException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.TestDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Text is compared, parsed and reported exactly: no trailing-space matches, hand-written SQL read
 * as the database reads it, driver errors without the bound values.
 */
class ExactTextTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @Test
    void equalityDoesNotIgnoreTrailingSpaces() {
        await(db.asave(new Article("x ")));
        await(db.asave(new Article("x")));
        assertThat(await(db.aselect(Article.class).filter(Article_.title.eq("x")).count())).isEqualTo(1L);
        assertThat(await(db.aselect(Article.class).filter(Article_.title.eq("x ")).count())).isEqualTo(1L);
    }

    @Test
    void aUniqueViolationNamesTheConstraintButNotTheValue() {
        Article first = new Article("one");
        first.setSlug("secret-slug-value");
        await(db.asave(first));
        Article second = new Article("two");
        second.setSlug("secret-slug-value");
        Throwable failure = catchThrowable(() -> await(db.asave(second)));
        assertThat(failure).isInstanceOf(SqlExecutionException.class)
                .hasMessageNotContaining("secret-slug-value")
                .hasMessageContaining("[SQL: INSERT INTO article");
        assertThat(((SqlExecutionException) failure).isIntegrityViolation()).isTrue();
        assertThat(failure.getMessage().toLowerCase()).contains("slug");
    }

    @Test
    void aTooLongValueIsNotQuotedInTheMessage() {
        Assumptions.assumeFalse(target.provider().equals("sqlite"), "SQLite does not enforce a column's length");
        String tooLong = "toolongvalue".repeat(10);
        Throwable failure = catchThrowable(() -> await(db.execute("INSERT INTO article (title, slug, views, draft, version) "
                + "VALUES (?, ?, 0, ?, 0)", "t", tooLong, false)));
        assertThat(failure).isInstanceOf(SqlExecutionException.class).hasMessageNotContaining("toolongvalue");
    }

    @Test
    void questionMarksInCommentsAndStringsAreNotParameters() {
        await(db.asave(new Article("it's?")));
        String comment = switch (target) {
            case MARIADB -> "# a comment?\n";
            case POSTGRES -> "/* outer /* nested? */ still? */ ";
            default -> "/* a comment? */ ";
        };
        List<Map<String, Object>> rows = await(db.selectRaw(comment + "SELECT title FROM article WHERE title = ?", "it's?"));
        assertThat(rows).hasSize(1);
        if (target == TestDatabase.POSTGRES) {
            // (r2dbc-postgresql's own parser refuses E'\'' strings, so E strings are covered by ParameterMarkersTest)
            assertThat(await(db.selectRaw("SELECT E'\\\\?' AS a, $q$?$q$ AS b, ? AS c", "v")))
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("a")).isEqualTo("\\?");
                        assertThat(row.get("b")).isEqualTo("?");
                        assertThat(row.get("c")).isEqualTo("v");
                    });
        }
        if (target == TestDatabase.MARIADB) {
            assertThat(await(db.selectRaw("SELECT 'a\\'?' AS a, ? AS c", "v"))).singleElement()
                    .satisfies(row -> assertThat(row.get("c")).isEqualTo("v"));
        }
    }

    @Test
    void aDoubledQuestionMarkIsTheJsonbOperator() {
        Assumptions.assumeTrue(target == TestDatabase.POSTGRES, "the jsonb ? operator is PostgreSQL's");
        List<Map<String, Object>> rows = await(db.selectRaw("SELECT CAST(? AS jsonb) ?? 'a' AS has", "{\"a\": 1}"));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("has")).isEqualTo(true));
    }

    @Test
    void aMismatchedMarkerCountMentionsTheEscape() {
        assertThatThrownBy(() -> await(db.selectRaw("SELECT ? AS a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write ?? for a literal ?");
    }

    @Test
    void aSessionWhoseWorkReturnsNullSaysWhatToReturn() {
        Throwable failure = catchThrowable(() -> await(db.session(s -> (Mono<Void>) null)));
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returned null")
                .hasMessageContaining("Mono.empty()");
        Integer one = await(db.session(s -> Mono.just(1)));
        assertThat(one).isEqualTo(1);
    }
}
