package io.nextorm.kit;

import io.nextorm.Conditions;
import io.nextorm.MultipleObjectsFoundException;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTest extends DatabaseTestKit {

    private static final String TRICKY = "it's 50% _off_ C:\\temp \"q\" ünï ✓";

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @BeforeEach
    void articles() {
        for (String title : List.of("alpha", "beta", "gamma", "delta", TRICKY)) {
            Article article = new Article(title, title.length() * 10L);
            article.setDraft(title.startsWith("g"));
            article.setSubtitle(title.equals("beta") ? null : "sub " + title);
            article.setPublished(title.equals("alpha") ? LocalDate.of(2024, 1, 15) : null);
            await(db.asave(article));
        }
        db.clearLocalStats();
    }

    private List<String> titles(io.nextorm.query.Condition... conditions) {
        return await(db.aselect(Article.class).filter(conditions).orderBy(Article_.title.asc()).fetchAll())
                .stream().map(Article::getTitle).toList();
    }

    @Test
    void eqAndNeCompareValues() {
        assertThat(titles(Article_.title.eq("beta"))).containsExactly("beta");
        assertThat(titles(Article_.title.ne("beta"))).hasSize(4).doesNotContain("beta");
    }

    @Test
    void eqOfNullIsNull() {
        assertThat(titles(Article_.subtitle.eq(null))).containsExactly("beta");
        assertThat(titles(Article_.subtitle.ne(null))).hasSize(4);
    }

    @Test
    void orderingComparisonsUseTheColumnOrder() {
        assertThat(titles(Article_.views.gt(40L))).containsExactlyInAnyOrder("alpha", "delta", "gamma", TRICKY);
        assertThat(titles(Article_.views.ge(50L))).containsExactlyInAnyOrder("alpha", "delta", "gamma", TRICKY);
        assertThat(titles(Article_.views.lt(50L))).containsExactlyInAnyOrder("beta");
        assertThat(titles(Article_.views.le(50L))).containsExactlyInAnyOrder("alpha", "beta", "delta", "gamma");
        assertThat(titles(Article_.views.between(40L, 50L))).containsExactlyInAnyOrder("alpha", "beta", "delta", "gamma");
    }

    @Test
    void inAndNotInMatchLists() {
        assertThat(titles(Article_.title.in("alpha", "gamma", "zeta"))).containsExactly("alpha", "gamma");
        assertThat(titles(Article_.title.notIn(List.of("alpha", "gamma")))).containsExactlyInAnyOrder("beta", "delta", TRICKY);
        assertThat(titles(Article_.title.in(List.of()))).isEmpty();
        assertThat(titles(Article_.title.notIn(List.of()))).hasSize(5);
    }

    @Test
    void nullChecksMatchNulls() {
        assertThat(titles(Article_.published.isNotNull())).containsExactly("alpha");
        assertThat(titles(Article_.published.isNull())).hasSize(4);
    }

    @Test
    void likeUsesSqlWildcards() {
        assertThat(titles(Article_.title.like("%a"))).containsExactly("alpha", "beta", "delta", "gamma");
        assertThat(titles(Article_.title.like("_eta"))).containsExactly("beta");
        assertThat(titles(Article_.title.notLike("%a"))).containsExactly(TRICKY);
    }

    @Test
    void startsWithEndsWithAndContainsTakeTheirTextLiterally() {
        assertThat(titles(Article_.title.startsWith("it's 50%"))).containsExactly(TRICKY);
        assertThat(titles(Article_.title.contains("50% _off_"))).containsExactly(TRICKY);
        assertThat(titles(Article_.title.contains("C:\\temp"))).containsExactly(TRICKY);
        assertThat(titles(Article_.title.endsWith("ünï ✓"))).containsExactly(TRICKY);
        assertThat(titles(Article_.title.contains("_"))).containsExactly(TRICKY);
        assertThat(titles(Article_.title.contains("%"))).containsExactly(TRICKY);
        assertThat(titles(Article_.title.startsWith("al"))).containsExactly("alpha");
    }

    @Test
    void aTrickyValueRoundTripsThroughEqAndLikeAndExecute() {
        assertThat(titles(Article_.title.eq(TRICKY))).containsExactly(TRICKY);
        assertThat(titles(Article_.title.like(io.nextorm.query.Like.escape(TRICKY)))).containsExactly(TRICKY);
        assertThat(await(db.execute("UPDATE article SET subtitle = ? WHERE title = ?", TRICKY, TRICKY))).isEqualTo(1L);
        assertThat(await(db.selectRaw("SELECT subtitle FROM article WHERE title = ?", TRICKY)).get(0).get("subtitle"))
                .isEqualTo(TRICKY);
    }

    @Test
    void booleanAttributesFilter() {
        assertThat(titles(Article_.draft.isTrue())).containsExactly("gamma");
        assertThat(titles(Article_.draft.isFalse())).hasSize(4);
    }

    @Test
    void conditionsCombineWithAndOrNot() {
        assertThat(titles(Conditions.or(Article_.title.eq("alpha"), Article_.title.eq("beta")))).containsExactly("alpha", "beta");
        assertThat(titles(Article_.title.eq("alpha").or(Article_.title.eq("beta")).and(Article_.views.gt(45L))))
                .containsExactly("alpha");
        assertThat(titles(Conditions.not(Article_.title.in("alpha", "beta")))).containsExactlyInAnyOrder("delta", "gamma", TRICKY);
        assertThat(titles(Conditions.and())).hasSize(5);
        assertThat(titles(Conditions.or())).isEmpty();
    }

    @Test
    void severalFilterCallsMustAllHold() {
        List<Article> found = await(db.aselect(Article.class).filter(Article_.views.gt(30L)).filter(Article_.draft.isFalse())
                .orderBy(Article_.views.desc(), Article_.title.asc()).fetchAll());
        assertThat(found).extracting(Article::getTitle).containsExactly(TRICKY, "alpha", "delta", "beta");
    }

    @Test
    void limitAndOffsetPage() {
        assertThat(await(db.aselect(Article.class).orderBy(Article_.title.asc()).limit(2).offset(1).fetchAll()))
                .extracting(Article::getTitle).containsExactly("beta", "delta");
        assertThat(await(db.aselect(Article.class).orderBy(Article_.title.asc()).offset(3).fetchAll()))
                .extracting(Article::getTitle).containsExactly("gamma", TRICKY);
    }

    @Test
    void limitAndOffsetRefuseNegativeNumbers() {
        assertThatThrownBy(() -> db.aselect(Article.class).limit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.aselect(Article.class).offset(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fetchOneGivesTheFirstRowOrNothing() {
        assertThat(await(db.aselect(Article.class).orderBy(Article_.title.desc()).fetchOne()).getTitle()).isEqualTo(TRICKY);
        assertThat(await(db.aselect(Article.class).filter(Article_.title.eq("none")).fetchOne())).isNull();
    }

    @Test
    void streamEmitsEveryRowInOrder() {
        StepVerifier.create(db.aselect(Article.class).orderBy(Article_.views.asc(), Article_.title.asc()).stream()
                        .map(Article::getTitle), 1)
                .expectNext("beta")
                .thenRequest(2)
                .expectNext("alpha", "delta")
                .thenRequest(10)
                .expectNext("gamma", TRICKY)
                .verifyComplete();
    }

    @Test
    void countAndExistsCountMatchingRows() {
        assertThat(await(db.aselect(Article.class).count())).isEqualTo(5L);
        assertThat(await(db.aselect(Article.class).filter(Article_.views.gt(45L)).count())).isEqualTo(4L);
        assertThat(await(db.aselect(Article.class).filter(Article_.views.gt(45L)).exists())).isTrue();
        assertThat(await(db.aselect(Article.class).filter(Article_.views.gt(1000L)).exists())).isFalse();
        assertThat(await(db.aselect(Article.class).limit(2).count())).isEqualTo(2L);
    }

    @Test
    void getReturnsTheOnlyMatch() {
        assertThat(await(db.aselect(Article.class).filter(Article_.title.eq("beta")).get()).getTitle()).isEqualTo("beta");
        assertThat(await(db.aselect(Article.class).filter(Article_.title.eq("zeta")).get())).isNull();
    }

    @Test
    void getRaisesWhenTwoRowsMatch() {
        assertThatThrownBy(() -> await(db.aselect(Article.class).filter(Article_.views.eq(50L)).get()))
                .isInstanceOf(MultipleObjectsFoundException.class).hasMessageContaining("Article");
    }

    @Test
    void getOrRaiseRaisesWhenNothingMatches() {
        assertThatThrownBy(() -> await(db.aselect(Article.class).filter(Article_.title.eq("zeta")).getOrRaise()))
                .isInstanceOf(ObjectNotFoundException.class).hasMessageContaining("No Article matches SELECT")
                .hasMessageNotContaining("zeta");
        assertThatThrownBy(() -> await(db.aselect(Article.class).getOrRaise()))
                .isInstanceOf(MultipleObjectsFoundException.class);
    }

    @Test
    void getSqlIsWhatFetchAllSends() {
        var query = db.aselect(Article.class).filter(Article_.title.eq("alpha"), Article_.views.in(1L, 2L, 3L))
                .orderBy(Article_.title.desc()).limit(3).offset(1);
        String sql = query.getSql();
        await(query.fetchAll());
        assertThat(db.lastSql()).isEqualTo(sql);
        assertThat(sql).doesNotContain("alpha");
        String marker = target.provider().equals("postgres") ? "$1" : "?";
        assertThat(sql).startsWith("SELECT id, title, subtitle, slug, views, draft, author_id, published, version FROM article WHERE title = " + marker);
    }

    @Test
    void filterRefusesNullConditions() {
        assertThatThrownBy(() -> db.aselect(Article.class).filter((io.nextorm.query.Condition) null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Article_.title.in((List<String>) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Article_.title.in("a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isNull");
        assertThatThrownBy(() -> Article_.views.gt((Long) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Article_.title.startsWith(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aselectOfAnUnmappedClassIsRefused() {
        assertThatThrownBy(() -> db.aselect(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mapped entity");
    }

    @Test
    void queriesThroughAReferenceJoin() {
        Author ann = await(db.asave(new Author("ann")));
        Article article = await(db.aselect(Article.class).filter(Article_.title.eq("alpha")).getOrRaise());
        article.setAuthor(ann);
        await(db.asave(article));
        assertThat(titles(Article_.author.then(io.nextorm.testkit.model.Author_.name).eq("ann"))).containsExactly("alpha");
        assertThat(titles(Article_.author.eq(ann))).containsExactly("alpha");
    }
}
