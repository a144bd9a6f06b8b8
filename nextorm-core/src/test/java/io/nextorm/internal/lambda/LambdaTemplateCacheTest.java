package io.nextorm.internal.lambda;

import io.nextorm.Where;
import io.nextorm.dialect.H2Dialect;
import io.nextorm.internal.lambda.fixture.LambdaArticle;
import io.nextorm.internal.lambda.fixture.LambdaArticle_;
import io.nextorm.query.Condition;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lambda body is analysed once per translator; later translations only bind the captured values.
 */
class LambdaTemplateCacheTest {

    private final LambdaTranslator translator = new LambdaTranslator(LambdaTranslatorTest.MAPPING);

    private static Where<LambdaArticle> titled(String prefix, long min) {
        return a -> a.getTitle().startsWith(prefix) && a.getViews() >= min;
    }

    private Condition translate(Where<LambdaArticle> where) {
        return translator.translate(where, LambdaArticle.class);
    }

    @Test
    void sameLambdaBodyIsAnalysedOnce() {
        translate(titled("Re", 1));
        translate(titled("Ab", 2));
        translate(titled("Cd", 3));

        assertThat(translator.analyses()).isEqualTo(1);
    }

    @Test
    void sameLambdaBodyBindsEachCallsCapturedValues() {
        Condition first = translate(titled("Re", 1));
        Condition second = translate(titled("100%", 2));

        assertThat(first).isEqualTo(LambdaArticle_.title.startsWith("Re").and(LambdaArticle_.views.ge(1L)));
        assertThat(second).isEqualTo(LambdaArticle_.title.startsWith("100%").and(LambdaArticle_.views.ge(2L)));
    }

    @Test
    void sameLambdaBodyGivesTheSameSqlWithOtherParameters() {
        SqlRenderer renderer = new SqlRenderer(LambdaTranslatorTest.MAPPING, new H2Dialect());

        SqlStatement first = renderer.select(SelectSpec.of(LambdaArticle.class).withWhere(List.of(translate(titled("Re", 1)))));
        SqlStatement second = renderer.select(SelectSpec.of(LambdaArticle.class).withWhere(List.of(translate(titled("Ab", 2)))));

        assertThat(second.sql()).isEqualTo(first.sql());
        assertThat(first.parameters()).containsExactly("Re%", 1L);
        assertThat(second.parameters()).containsExactly("Ab%", 2L);
    }

    @Test
    void differentLambdaBodiesAreAnalysedEach() {
        translate(a -> a.getRank() > 1);
        translate(a -> a.getRank() > 1);

        assertThat(translator.analyses()).isEqualTo(2);
    }

    @Test
    void methodReferenceIsAnalysedOnce() {
        translate(LambdaArticle::isDraft);
        translate(LambdaArticle::isDraft);

        assertThat(translator.analyses()).isEqualTo(1);
    }

    @Test
    void capturedDecisionIsMadeAtEachBinding() {
        Condition all = translate(optionalTitle(null));
        Condition some = translate(optionalTitle("x"));

        assertThat(all).isEqualTo(io.nextorm.query.Truth.TRUE);
        assertThat(some).isEqualTo(LambdaArticle_.title.eq("x"));
        assertThat(translator.analyses()).isEqualTo(1);
    }

    private static Where<LambdaArticle> optionalTitle(String title) {
        return a -> title == null || a.getTitle().equals(title);
    }
}
