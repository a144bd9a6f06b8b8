package io.nextorm.kit;

import io.nextorm.UnsupportedPredicateException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhereTest extends DatabaseTestKit {

    private Author ann;

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @BeforeEach
    void articles() {
        ann = await(db.asave(new Author("ann")));
        for (String title : List.of("Re: alpha", "Re: 100%", "beta", "gamma")) {
            Article article = new Article(title, title.length() * 10L);
            article.setDraft(title.startsWith("g"));
            if (title.startsWith("Re")) {
                article.setAuthor(ann);
            }
            await(db.asave(article));
        }
    }

    private List<String> titles(io.nextorm.Where<Article> where) {
        return await(db.aselect(Article.class).where(where).orderBy(Article_.title.asc()).fetchAll())
                .stream().map(Article::getTitle).toList();
    }

    @Test
    void aLambdaSelectsTheSameRowsAsItsMetamodelCondition() {
        String prefix = "Re";
        assertThat(titles(a -> a.getViews() > 60 && a.getTitle().startsWith(prefix)))
                .containsExactly("Re: 100%", "Re: alpha");
        assertThat(await(db.aselect(Article.class).where(a -> a.getViews() > 60 && a.getTitle().startsWith(prefix)).count()))
                .isEqualTo(await(db.aselect(Article.class).filter(Article_.views.gt(60L), Article_.title.startsWith(prefix)).count()));
    }

    @Test
    void capturedValuesAreBoundNotWrittenIntoTheSql() {
        String wanted = "Re: 100%";
        assertThat(titles(a -> a.getTitle().equals(wanted))).containsExactly(wanted);
        assertThat(db.lastSql()).doesNotContain("100%");
    }

    @Test
    void orNotAndBooleanPropertiesTranslate() {
        assertThat(titles(a -> a.isDraft() || !a.getTitle().contains(":"))).containsExactly("beta", "gamma");
    }

    @Test
    void pathsThroughReferencesJoin() {
        assertThat(titles(a -> a.getAuthor().name.equals("ann"))).containsExactly("Re: 100%", "Re: alpha");
    }

    @Test
    void aCapturedCollectionIsAnInList() {
        List<Article> all = await(db.aselect(Article.class).orderBy(Article_.title.asc()).fetchAll());
        Set<Long> ids = Set.of(all.get(0).getId(), all.get(2).getId());
        assertThat(titles(a -> ids.contains(a.getId()))).containsExactly(all.get(0).getTitle(), all.get(2).getTitle());
    }

    @Test
    void aRepeatedLambdaWithNewCapturedValuesGivesNewResults() {
        for (long minimum : new long[]{0, 60, 1000}) {
            assertThat(titles(a -> a.getViews() >= minimum))
                    .hasSize(minimum == 0 ? 4 : minimum == 60 ? 2 : 0);
        }
    }

    @Test
    void anUntranslatableLambdaIsRefusedAndNeverFilteredInMemory() {
        assertThatThrownBy(() -> db.aselect(Article.class).where(a -> a.getTitle().hashCode() == 3))
                .isInstanceOf(UnsupportedPredicateException.class)
                .hasMessageContaining("hashCode")
                .hasMessageContaining("WhereTest.java:");
        assertThatThrownBy(() -> db.aselect(Article.class).where(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
