package io.nextorm.internal.lambda;

import io.nextorm.Conditions;
import io.nextorm.UnsupportedPredicateException;
import io.nextorm.Where;
import io.nextorm.internal.lambda.fixture.LambdaArticle;
import io.nextorm.internal.lambda.fixture.LambdaArticle_;
import io.nextorm.internal.lambda.fixture.LambdaAuthor;
import io.nextorm.internal.lambda.fixture.LambdaAuthor_;
import io.nextorm.internal.lambda.fixture.LambdaStatus;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.query.Arithmetic;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.Like;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lambdas translate into the same condition trees as the metamodel builds, and what has no SQL
 * meaning is refused with the lambda's source line.
 */
class LambdaTranslatorTest {

    static final Mapping MAPPING = Mapping.build(List.of(LambdaArticle.class, LambdaAuthor.class), true);

    @SuppressWarnings("FieldMayBeFinal")
    static String mutablePrefix = "Re";

    private long threshold = 42;
    private final LambdaTranslator translator = new LambdaTranslator(MAPPING);

    private Condition translate(Where<LambdaArticle> where) {
        return translator.translate(where, LambdaArticle.class);
    }

    private void assertUnsupported(Where<LambdaArticle> where, String... fragments) {
        assertThatThrownBy(() -> translate(where))
                .isInstanceOf(UnsupportedPredicateException.class)
                .hasMessageContaining("LambdaTranslatorTest.java:")
                .hasMessageContaining("filter()")
                .hasMessageContainingAll(fragments);
    }

    static boolean hasLongTitle(LambdaArticle article) {
        return article.getTitle().length() > 10;
    }

    // comparisons

    @Test
    void getterEqualsConstantIsTheMetamodelsEq() {
        assertThat(translate(a -> a.getTitle().equals("x"))).isEqualTo(LambdaArticle_.title.eq("x"));
    }

    @Test
    void capturedVariableBecomesAValue() {
        long min = 100;

        assertThat(translate(a -> a.getViews() > min)).isEqualTo(LambdaArticle_.views.gt(100L));
    }

    @Test
    void fieldAccessReadsThePropertyOfThatName() {
        assertThat(translate(a -> a.views >= 10)).isEqualTo(LambdaArticle_.views.ge(10L));
    }

    @Test
    void intComparisonUsesTheIntOperator() {
        assertThat(translate(a -> a.getRank() < 5)).isEqualTo(LambdaArticle_.rank.lt(5));
    }

    @Test
    void comparisonWithZeroComparesWithZero() {
        assertThat(translate(a -> a.getRank() != 0)).isEqualTo(LambdaArticle_.rank.ne(0));
    }

    @Test
    void constantOnTheLeftIsMirrored() {
        assertThat(translate(a -> 10 < a.getViews())).isEqualTo(LambdaArticle_.views.gt(10L));
    }

    @Test
    void doubleComparisonUsesItsOperator() {
        assertThat(translate(a -> a.getScore() >= 1.5)).isEqualTo(LambdaArticle_.score.ge(1.5));
    }

    @Test
    void floatComparisonUsesItsOperator() {
        assertThat(translate(a -> a.getRatio() < 0.5f)).isEqualTo(LambdaArticle_.ratio.lt(0.5f));
    }

    @Test
    void capturedIntComparedWithLongIsWidenedToLong() {
        int min = 7;

        assertThat(translate(a -> a.getViews() > min)).isEqualTo(LambdaArticle_.views.gt(7L));
    }

    @Test
    void boxedNullablePropertyIsUnboxedTransparently() {
        assertThat(translate(a -> a.getShares() > 10)).isEqualTo(LambdaArticle_.shares.gt(10L));
    }

    @Test
    void explicitBoxingIsTransparent() {
        Long expected = 5L;

        assertThat(translate(a -> Long.valueOf(a.getViews()).equals(expected)))
                .isEqualTo(LambdaArticle_.views.eq(5L));
    }

    @Test
    void compareToOfBigDecimalIsAComparison() {
        BigDecimal limit = new BigDecimal("9.99");

        assertThat(translate(a -> a.getPrice().compareTo(limit) > 0)).isEqualTo(LambdaArticle_.price.gt(limit));
    }

    @Test
    void isAfterOfADateIsGreaterThan() {
        LocalDate day = LocalDate.of(2024, 1, 1);

        assertThat(translate(a -> a.getPublishedOn().isAfter(day))).isEqualTo(LambdaArticle_.publishedOn.gt(day));
    }

    @Test
    void enumConstantIsAValue() {
        assertThat(translate(a -> a.getStatus() == LambdaStatus.DRAFT))
                .isEqualTo(LambdaArticle_.status.eq(LambdaStatus.DRAFT));
    }

    @Test
    void twoPropertiesCanBeCompared() {
        assertThat(translate(a -> a.getViews() > a.getRank()))
                .isEqualTo(new Comparison(LambdaArticle_.views.path(), Comparison.Operator.GT,
                        LambdaArticle_.rank.path()));
    }

    @Test
    void lazyPropertyIsComparedThroughGet() {
        assertThat(translate(a -> a.getBody().get().equals("text")))
                .isEqualTo(new Comparison(PropertyPath.of(LambdaArticle.class, "body"), Comparison.Operator.EQ,
                        new Value("text")));
    }

    // equality and null

    @Test
    void objectsEqualsIsEquality() {
        String title = "x";

        assertThat(translate(a -> Objects.equals(a.getTitle(), title))).isEqualTo(LambdaArticle_.title.eq("x"));
    }

    @Test
    void equalityWithACapturedNullIsIsNull() {
        String subtitle = null;

        assertThat(translate(a -> Objects.equals(a.getSubtitle(), subtitle)))
                .isEqualTo(LambdaArticle_.subtitle.isNull());
    }

    @Test
    void equalsNullCheckIsIsNull() {
        assertThat(translate(a -> a.getSubtitle() == null)).isEqualTo(LambdaArticle_.subtitle.isNull());
    }

    @Test
    void notEqualsNullCheckIsIsNotNull() {
        assertThat(translate(a -> a.getSubtitle() != null)).isEqualTo(LambdaArticle_.subtitle.isNotNull());
    }

    @Test
    void referenceComparedWithAnEntityByIdentity() {
        LambdaAuthor ann = new LambdaAuthor(7L, "ann");

        assertThat(translate(a -> a.getAuthor() == ann)).isEqualTo(LambdaArticle_.author.eq(ann));
    }

    @Test
    void referenceComparedWithAnEntityByEquals() {
        LambdaAuthor ann = new LambdaAuthor(7L, "ann");

        assertThat(translate(a -> a.getAuthor().equals(ann))).isEqualTo(LambdaArticle_.author.eq(ann));
    }

    @Test
    void entityParameterStandsForItsKey() {
        LambdaArticle other = new LambdaArticle();
        other.setId(3L);

        assertThat(translate(a -> a.equals(other)))
                .isEqualTo(new Comparison(LambdaArticle_.id.path(), Comparison.Operator.EQ, new Value(other)));
    }

    // paths

    @Test
    void getterOfAReferenceIsAPathThroughIt() {
        assertThat(translate(a -> a.getAuthor().getName().equals("ann")))
                .isEqualTo(LambdaArticle_.author.then(LambdaAuthor_.name).eq("ann"));
    }

    @Test
    void pathsGoThroughSeveralReferences() {
        assertThat(translate(a -> a.getAuthor().getMentor().getName().equals("bob")))
                .isEqualTo(LambdaArticle_.author.then(LambdaAuthor_.mentor).then(LambdaAuthor_.name).eq("bob"));
    }

    @Test
    void fieldsOfAReferenceArePathsToo() {
        assertThat(translate(a -> a.author.name.equals("ann")))
                .isEqualTo(LambdaArticle_.author.then(LambdaAuthor_.name).eq("ann"));
    }

    // boolean logic

    @Test
    void andOfTwoConditions() {
        String prefix = "Re";

        assertThat(translate(a -> a.getViews() > 100 && a.getTitle().startsWith(prefix)))
                .isEqualTo(LambdaArticle_.views.gt(100L).and(LambdaArticle_.title.startsWith("Re")));
    }

    @Test
    void orOfTwoConditions() {
        assertThat(translate(a -> a.getRank() == 1 || a.getRank() == 2))
                .isEqualTo(LambdaArticle_.rank.eq(1).or(LambdaArticle_.rank.eq(2)));
    }

    @Test
    void andOfThreeConditionsIsFlat() {
        assertThat(translate(a -> a.getRank() > 1 && a.getRank() < 9 && a.getViews() > 0))
                .isEqualTo(Conditions.and(LambdaArticle_.rank.gt(1), LambdaArticle_.rank.lt(9),
                        LambdaArticle_.views.gt(0L)));
    }

    @Test
    void orInsideAndKeepsItsGrouping() {
        assertThat(translate(a -> (a.getRank() == 1 || a.getRank() == 2) && a.getViews() > 10))
                .isEqualTo(LambdaArticle_.rank.eq(1).or(LambdaArticle_.rank.eq(2)).and(LambdaArticle_.views.gt(10L)));
    }

    @Test
    void andInsideOrKeepsItsGrouping() {
        assertThat(translate(a -> a.getRank() == 1 && a.getViews() > 10 || a.isDraft()))
                .isEqualTo(LambdaArticle_.rank.eq(1).and(LambdaArticle_.views.gt(10L)).or(LambdaArticle_.draft.isTrue()));
    }

    @Test
    void andAfterOrKeepsItsGrouping() {
        assertThat(translate(a -> a.isDraft() || a.getRank() == 1 && a.getViews() > 10))
                .isEqualTo(LambdaArticle_.draft.isTrue().or(LambdaArticle_.rank.eq(1).and(LambdaArticle_.views.gt(10L))));
    }

    @Test
    void negationFlipsTheOperator() {
        assertThat(translate(a -> !(a.getViews() > 5))).isEqualTo(LambdaArticle_.views.le(5L));
    }

    @Test
    void negationOfEqualsIsNotEqual() {
        assertThat(translate(a -> !a.getTitle().equals("x"))).isEqualTo(LambdaArticle_.title.ne("x"));
    }

    @Test
    void negationOfAndIsOrOfNegations() {
        assertThat(translate(a -> !(a.getViews() > 5 && a.isDraft())))
                .isEqualTo(LambdaArticle_.views.le(5L).or(LambdaArticle_.draft.isFalse()));
    }

    @Test
    void negationOfStartsWithIsNotLike() {
        assertThat(translate(a -> !a.getTitle().startsWith("Re")))
                .isEqualTo(new Like(LambdaArticle_.title.path(), "Re%", true));
    }

    @Test
    void ternaryOfConditionsIsOrOfBothCases() {
        assertThat(translate(a -> a.isDraft() ? a.getViews() > 10 : a.getRank() < 3))
                .isEqualTo(LambdaArticle_.draft.isTrue().and(LambdaArticle_.views.gt(10L))
                        .or(LambdaArticle_.draft.isFalse().and(LambdaArticle_.rank.lt(3))));
    }

    @Test
    void booleanGetterIsTrue() {
        assertThat(translate(a -> a.isDraft())).isEqualTo(LambdaArticle_.draft.isTrue());
    }

    @Test
    void negatedBooleanGetterIsFalse() {
        assertThat(translate(a -> !a.isDraft())).isEqualTo(LambdaArticle_.draft.isFalse());
    }

    @Test
    void booleanFieldIsTrue() {
        assertThat(translate(a -> a.draft)).isEqualTo(LambdaArticle_.draft.isTrue());
    }

    @Test
    void boxedBooleanGetterIsTrue() {
        assertThat(translate(a -> a.getFeatured())).isEqualTo(LambdaArticle_.featured.isTrue());
    }

    @Test
    void booleanPropertyComparedWithACapturedBoolean() {
        boolean wanted = false;

        assertThat(translate(a -> a.isDraft() == wanted)).isEqualTo(LambdaArticle_.draft.eq(false));
    }

    @Test
    void constantTrueIsTruth() {
        assertThat(translate(a -> true)).isEqualTo(Truth.TRUE);
    }

    @Test
    void capturedFlagIsDecidedWhenBound() {
        boolean onlyDrafts = false;

        assertThat(translate(a -> !onlyDrafts || a.isDraft())).isEqualTo(Truth.TRUE);
    }

    @Test
    void optionalFilterDropsOutWhenItsValueIsNull() {
        String title = null;

        assertThat(translate(a -> title == null || a.getTitle().equals(title))).isEqualTo(Truth.TRUE);
    }

    @Test
    void optionalFilterAppliesWhenItsValueIsSet() {
        String title = "x";

        assertThat(translate(a -> title == null || a.getTitle().equals(title))).isEqualTo(LambdaArticle_.title.eq("x"));
    }

    @Test
    void localVariablesOfTheLambdaAreFollowed() {
        assertThat(translate(a -> {
            String subtitle = a.getSubtitle();
            return subtitle != null && subtitle.isEmpty();
        })).isEqualTo(LambdaArticle_.subtitle.isNotNull().and(LambdaArticle_.subtitle.eq("")));
    }

    // strings

    @Test
    void startsWithIsLikeWithTheEscapedPrefix() {
        assertThat(translate(a -> a.getTitle().startsWith("100%_"))).isEqualTo(LambdaArticle_.title.startsWith("100%_"));
    }

    @Test
    void endsWithOfACapturedValueIsLikeWithTheEscapedSuffix() {
        String suffix = "50%";

        assertThat(translate(a -> a.getTitle().endsWith(suffix))).isEqualTo(LambdaArticle_.title.endsWith("50%"));
    }

    @Test
    void containsIsLikeWithTheTextInside() {
        String text = "a_b";

        assertThat(translate(a -> a.getTitle().contains(text))).isEqualTo(LambdaArticle_.title.contains("a_b"));
    }

    @Test
    void isEmptyEqualsTheEmptyString() {
        assertThat(translate(a -> a.getTitle().isEmpty())).isEqualTo(LambdaArticle_.title.eq(""));
    }

    @Test
    void lengthIsTheLengthFunction() {
        assertThat(translate(a -> a.getTitle().length() > 3))
                .isEqualTo(new Comparison(new FunctionCall(FunctionCall.Function.LENGTH, LambdaArticle_.title.path()),
                        Comparison.Operator.GT, new Value(3)));
    }

    @Test
    void toLowerCaseIsTheLowerFunction() {
        assertThat(translate(a -> a.getTitle().toLowerCase().equals("x")))
                .isEqualTo(new Comparison(new FunctionCall(FunctionCall.Function.LOWER, LambdaArticle_.title.path()),
                        Comparison.Operator.EQ, new Value("x")));
    }

    @Test
    void toUpperCaseIsTheUpperFunction() {
        assertThat(translate(a -> a.getTitle().toUpperCase().startsWith("X")))
                .isEqualTo(new Like(new FunctionCall(FunctionCall.Function.UPPER, LambdaArticle_.title.path()), "X%",
                        false));
    }

    @Test
    void equalsIgnoreCaseComparesBothSidesInLowerCase() {
        String name = "Ann";

        assertThat(translate(a -> a.getTitle().equalsIgnoreCase(name)))
                .isEqualTo(new Comparison(new FunctionCall(FunctionCall.Function.LOWER, LambdaArticle_.title.path()),
                        Comparison.Operator.EQ, new FunctionCall(FunctionCall.Function.LOWER, new Value("Ann"))));
    }

    // arithmetic

    @Test
    void longArithmeticIsAnArithmeticTree() {
        assertThat(translate(a -> a.getViews() * 2 + 1 > 10))
                .isEqualTo(new Comparison(new Arithmetic(new Arithmetic(LambdaArticle_.views.path(),
                        Arithmetic.Operator.MULTIPLY, new Value(2L)), Arithmetic.Operator.ADD, new Value(1L)),
                        Comparison.Operator.GT, new Value(10L)));
    }

    @Test
    void intArithmeticWidenedToLongStaysInTheDatabase() {
        long min = 9;

        assertThat(translate(a -> a.getRank() - 1 > min))
                .isEqualTo(new Comparison(new Arithmetic(LambdaArticle_.rank.path(), Arithmetic.Operator.SUBTRACT,
                        new Value(1)), Comparison.Operator.GT, new Value(9L)));
    }

    @Test
    void remainderIsModulo() {
        assertThat(translate(a -> a.getRank() % 2 == 0))
                .isEqualTo(new Comparison(new Arithmetic(LambdaArticle_.rank.path(), Arithmetic.Operator.MODULO,
                        new Value(2)), Comparison.Operator.EQ, new Value(0)));
    }

    @Test
    void arithmeticOfCapturedValuesIsComputedInJava() {
        int limit = 5;

        assertThat(translate(a -> a.getRank() > limit * 2 + 1)).isEqualTo(LambdaArticle_.rank.gt(11));
    }

    // collections

    @Test
    void containsOfACapturedCollectionIsIn() {
        List<Long> ids = List.of(1L, 2L, 3L);

        assertThat(translate(a -> ids.contains(a.getId()))).isEqualTo(LambdaArticle_.id.in(ids));
    }

    @Test
    void negatedContainsIsNotIn() {
        Set<Long> ids = Set.of(4L);

        assertThat(translate(a -> !ids.contains(a.getId()))).isEqualTo(LambdaArticle_.id.notIn(ids));
    }

    // what the lambda captures

    @Test
    void fieldOfTheCapturedThisIsAValue() {
        assertThat(translate(a -> a.getViews() > threshold)).isEqualTo(LambdaArticle_.views.gt(42L));
    }

    @Test
    void fieldOfTheCapturedThisIsReadAtEachTranslation() {
        threshold = 7;

        assertThat(translate(a -> a.getViews() > threshold)).isEqualTo(LambdaArticle_.views.gt(7L));
    }

    @Test
    void getterOfACapturedEntityReadsItsPropertyWhenBound() {
        LambdaAuthor ann = new LambdaAuthor(7L, "ann");

        assertThat(translate(a -> a.getAuthor().getId().equals(ann.getId())))
                .isEqualTo(LambdaArticle_.author.then(LambdaAuthor_.id).eq(7L));
    }

    @Test
    void otherMethodOfACapturedObjectIsEvaluatedInJavaAtEachTranslation() {
        StringBuilder text = new StringBuilder("x");
        Where<LambdaArticle> where = a -> a.getTitle().equals(text.toString());

        assertThat(translate(where)).isEqualTo(LambdaArticle_.title.eq("x"));
        text.append("y");
        assertThat(translate(where)).isEqualTo(LambdaArticle_.title.eq("xy"));
        assertThat(translator.analyses()).isEqualTo(1);
    }

    @Test
    void methodReferenceToABooleanGetterIsThatPropertyBeingTrue() {
        assertThat(translate(LambdaArticle::isDraft)).isEqualTo(LambdaArticle_.draft.isTrue());
    }

    @Test
    void methodReferenceToAStaticMethodIsReadLikeALambda() {
        assertThat(translate(LambdaTranslatorTest::hasLongTitle))
                .isEqualTo(new Comparison(new FunctionCall(FunctionCall.Function.LENGTH, LambdaArticle_.title.path()),
                        Comparison.Operator.GT, new Value(10)));
    }

    // unsupported

    @Test
    void unsupportedMethodIsNamedWithTheSourceLine() {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        Where<LambdaArticle> where = a -> a.getTitle().repeat(2).isEmpty();

        assertThatThrownBy(() -> translate(where))
                .isInstanceOf(UnsupportedPredicateException.class)
                .hasMessageContaining("String.repeat(I)")
                .hasMessageContaining("(LambdaTranslatorTest.java:" + line + ")");
    }

    @Test
    void getterOfNoPropertyIsUnsupported() {
        assertUnsupported(a -> a.getSummary() != null, "LambdaArticle.getSummary()", "title");
    }

    @Test
    void otherEntityMethodIsUnsupported() {
        assertUnsupported(a -> a.popular(), "LambdaArticle.popular()");
    }

    @Test
    void transientFieldIsUnsupported() {
        assertUnsupported(a -> a.summary != null, "LambdaArticle.summary");
    }

    @Test
    void otherMethodOfASetRelationIsUnsupported() {
        assertUnsupported(a -> a.getAuthor().getArticles().hashCode() > 0, "hashCode()", "articles");
    }

    @Test
    void instanceofIsUnsupported() {
        assertUnsupported(a -> a.getTitle() instanceof String, "INSTANCEOF");
    }

    @Test
    void loopIsUnsupported() {
        assertUnsupported(a -> {
            for (int i = 0; i < 3; i++) {
                if (a.getRank() == i) {
                    return true;
                }
            }
            return false;
        }, "loop", "GOTO");
    }

    @Test
    void tryCatchIsUnsupported() {
        assertUnsupported(a -> {
            try {
                return a.getRank() > 1;
            } catch (RuntimeException e) {
                return true;
            }
        }, "catches exceptions");
    }

    @Test
    void stringConcatenationOfValuesIsOneBoundValue() {
        String prefix = "Re";

        assertThat(translate(a -> a.getTitle().equals(prefix + "!"))).isEqualTo(LambdaArticle_.title.eq("Re!"));
    }

    @Test
    void narrowingCastOfAPropertyIsUnsupported() {
        assertUnsupported(a -> (int) a.getScore() > 3, "D2I");
    }

    @Test
    void nonFinalStaticFieldIsReadAtEachTranslation() {
        Where<LambdaArticle> where = a -> a.getTitle().startsWith(mutablePrefix);
        String before = mutablePrefix;
        try {
            assertThat(translate(where)).isEqualTo(LambdaArticle_.title.startsWith("Re"));
            mutablePrefix = "Ab";
            assertThat(translate(where)).isEqualTo(LambdaArticle_.title.startsWith("Ab"));
            assertThat(translator.analyses()).isEqualTo(1);
        } finally {
            mutablePrefix = before;
        }
    }

    @Test
    void startsWithAPropertyIsUnsupported() {
        assertUnsupported(a -> a.getTitle().startsWith(a.getSubtitle()), "String.startsWith(String)");
    }

    @Test
    void methodReferenceToANonGetterIsUnsupported() {
        assertThatThrownBy(() -> translate(LambdaArticle::popular))
                .isInstanceOf(UnsupportedPredicateException.class)
                .hasMessageContaining("LambdaArticle::popular")
                .hasMessageContaining("io.nextorm.internal.lambda.LambdaTranslatorTest");
    }

    @Test
    void nullCapturedCollectionIsAnIllegalArgument() {
        List<Long> ids = null;

        assertThatThrownBy(() -> translate(a -> ids.contains(a.getId())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null collection");
    }

    @Test
    void orderingComparisonWithACapturedNullIsAnIllegalArgument() {
        Long min = null;

        assertThatThrownBy(() -> translate(a -> a.getShares().compareTo(min) > 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NULL");
    }

    @Test
    void unmappedEntityIsAnIllegalArgument() {
        assertThatThrownBy(() -> translator.translate((Where<String>) s -> s.isEmpty(), String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not a mapped entity");
    }

    @Test
    void objectOfAClassIsNoLambda() {
        Where<LambdaArticle> where = new Where<>() {
            @Override
            public boolean test(LambdaArticle article) {
                return article.isDraft();
            }
        };

        assertThatThrownBy(() -> translate(where))
                .isInstanceOf(UnsupportedPredicateException.class)
                .hasMessageContaining("lambda expression or a method reference");
    }
}
