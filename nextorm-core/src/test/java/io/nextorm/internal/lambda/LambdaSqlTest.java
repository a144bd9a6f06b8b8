package io.nextorm.internal.lambda;

import io.nextorm.Where;
import io.nextorm.dialect.Dialect;
import io.nextorm.dialect.H2Dialect;
import io.nextorm.dialect.PostgresDialect;
import io.nextorm.internal.lambda.fixture.LambdaArticle;
import io.nextorm.internal.lambda.fixture.LambdaAuthor;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL that translated lambdas render to on H2 and PostgreSQL: captured values are parameters,
 * never text.
 */
class LambdaSqlTest {

    private final LambdaTranslator translator = new LambdaTranslator(LambdaTranslatorTest.MAPPING);

    private SqlStatement render(Dialect dialect, Where<LambdaArticle> where) {
        SelectSpec spec = SelectSpec.of(LambdaArticle.class)
                .withWhere(List.of(translator.translate(where, LambdaArticle.class)));
        return new SqlRenderer(LambdaTranslatorTest.MAPPING, dialect).select(spec);
    }

    private SqlStatement h2(Where<LambdaArticle> where) {
        return render(new H2Dialect(), where);
    }

    private SqlStatement postgres(Where<LambdaArticle> where) {
        return render(new PostgresDialect(), where);
    }

    /** The statement from FROM on: the select list is the renderer's business. */
    private static String from(SqlStatement statement) {
        return statement.sql().substring(statement.sql().indexOf(" FROM ") + 1);
    }

    @Test
    void capturedValuesAreQuestionMarkParametersOnH2() {
        String prefix = "Re";
        long min = 100;

        SqlStatement statement = h2(a -> a.getViews() > min && a.getTitle().startsWith(prefix));

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE views > ? AND title LIKE ?");
        assertThat(statement.parameters()).containsExactly(100L, "Re%");
    }

    @Test
    void capturedValuesAreNumberedParametersOnPostgres() {
        String prefix = "Re";
        long min = 100;

        SqlStatement statement = postgres(a -> a.getViews() > min && a.getTitle().startsWith(prefix));

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE views > $1 AND title LIKE $2");
        assertThat(statement.parameters()).containsExactly(100L, "Re%");
    }

    @Test
    void capturedTextNeverAppearsInTheSql() {
        String title = "Robert'); DROP TABLE lambda_article;--";

        SqlStatement statement = h2(a -> a.getTitle().equals(title));

        assertThat(statement.sql()).doesNotContain("DROP").endsWith("WHERE title = ?");
        assertThat(statement.parameters()).containsExactly(title);
    }

    @Test
    void constantsAreParametersToo() {
        SqlStatement statement = h2(a -> a.getRank() == 3 || a.getTitle().equals("x"));

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE rank = ? OR title = ?");
        assertThat(statement.parameters()).containsExactly(3, "x");
    }

    @Test
    void likeParameterIsTheEscapedPattern() {
        String text = "100%_off";

        SqlStatement statement = postgres(a -> a.getTitle().contains(text));

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE title LIKE $1");
        assertThat(statement.parameters()).containsExactly("%100\\%\\_off%");
    }

    @Test
    void pathThroughAReferenceJoinsItsTable() {
        String name = "ann";

        SqlStatement statement = h2(a -> a.getAuthor().getName().equals(name));

        assertThat(from(statement)).isEqualTo("FROM lambda_article t0 LEFT JOIN lambda_author t1 ON t1.id = "
                + "t0.author_id WHERE t1.name = ?");
        assertThat(statement.parameters()).containsExactly("ann");
    }

    @Test
    void pathThroughTwoReferencesJoinsBothTables() {
        SqlStatement statement = postgres(a -> a.getAuthor().getMentor().getName().equals("bob"));

        assertThat(from(statement)).isEqualTo("FROM lambda_article t0 LEFT JOIN lambda_author t1 ON t1.id = "
                + "t0.author_id LEFT JOIN lambda_author t2 ON t2.id = t1.mentor_id WHERE t2.name = $1");
    }

    @Test
    void entityComparedWithAReferenceIsBoundAsItsKey() {
        LambdaAuthor ann = new LambdaAuthor(7L, "ann");

        SqlStatement statement = h2(a -> a.getAuthor() == ann);

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE author_id = ?");
        assertThat(statement.parameters()).containsExactly(7L);
    }

    @Test
    void nullCheckHasNoParameter() {
        SqlStatement statement = h2(a -> a.getSubtitle() == null && a.getPrice() != null);

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE subtitle IS NULL AND price IS NOT NULL");
        assertThat(statement.parameters()).isEmpty();
    }

    @Test
    void containsOfACollectionIsAnInListOfItsElements() {
        List<Long> ids = List.of(4L, 5L, 6L);

        SqlStatement statement = postgres(a -> ids.contains(a.getId()));

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE id IN ($1, $2, $3)");
        assertThat(statement.parameters()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void arithmeticIsParenthesised() {
        long min = 10;

        SqlStatement statement = h2(a -> a.getViews() * 2 + 1 > min);

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE ((views * ?) + ?) > ?");
        assertThat(statement.parameters()).containsExactly(2L, 1L, 10L);
    }

    @Test
    void stringFunctionsAreTheDialectsFunctions() {
        String name = "Ann";

        SqlStatement statement = postgres(a -> a.getTitle().length() > 3 && a.getTitle().equalsIgnoreCase(name));

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE CHAR_LENGTH(title) > $1 AND LOWER(title) = "
                + "LOWER($2)");
        assertThat(statement.parameters()).containsExactly(3, "Ann");
    }

    @Test
    void orInsideAndIsParenthesised() {
        SqlStatement statement = h2(a -> (a.getRank() == 1 || a.isDraft()) && a.getViews() > 10);

        assertThat(from(statement)).isEqualTo("FROM lambda_article WHERE (rank = ? OR draft = ?) AND views > ?");
        assertThat(statement.parameters()).containsExactly(1, true, 10L);
    }
}
