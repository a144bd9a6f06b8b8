package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.query.JoinType;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    /** ann wrote a1 (10 views) and a2 (20), bob wrote b1 (30), nobody wrote c1 (40); carl wrote nothing. */
    private void blog() {
        Author ann = await(db.asave(new Author("ann")));
        Author bob = await(db.asave(new Author("bob")));
        await(db.asave(new Author("carl")));
        article("a1", 10, ann);
        article("a2", 20, ann);
        article("b1", 30, bob);
        article("c1", 40, null);
    }

    private void article(String title, long views, Author author) {
        Article article = new Article(title, views);
        article.setAuthor(author);
        await(db.asave(article));
    }

    private static List<String> titles(List<Article> articles) {
        return articles.stream().map(Article::getTitle).toList();
    }

    private static List<String> names(List<Author> authors) {
        return authors.stream().map(author -> author.name).toList();
    }

    private AsyncQuerySet<Author> authorsJoinedToArticles(JoinType type, String alias) {
        return db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id), type, alias);
    }

    @Test
    void conditionThroughAReferenceMatchesTheReferencedProperty() {
        blog();
        List<Article> found = await(db.aselect(Article.class).filter(Article_.author.then(Author_.name).eq("ann"))
                .orderBy(Article_.title.asc()).fetchAll());
        assertThat(titles(found)).containsExactly("a1", "a2");
    }

    @Test
    void conditionThroughAReferenceIsALeftJoin() {
        blog();
        List<Article> found = await(db.aselect(Article.class).filter(Article_.author.then(Author_.name).isNull())
                .fetchAll());
        assertThat(titles(found)).containsExactly("c1");
    }

    @Test
    void orderingThroughAReference() {
        blog();
        List<Article> found = await(db.aselect(Article.class).filter(Article_.author.isNotNull())
                .orderBy(Article_.author.then(Author_.name).desc(), Article_.title.desc()).fetchAll());
        assertThat(titles(found)).containsExactly("b1", "a2", "a1");
    }

    @Test
    void theKeyOfAReferenceNeedsNoJoin() {
        blog();
        Long annId = await(db.aselect(Author.class).filter(Author_.name.eq("ann")).getOrRaise()).id;
        AsyncQuerySet<Article> byKey = db.aselect(Article.class).filter(Article_.author.then(Author_.id).eq(annId));
        assertThat(byKey.getSql()).doesNotContain("JOIN");
        assertThat(await(byKey.count())).isEqualTo(2L);
    }

    @Test
    void explicitJoinReturnsTheQueriedObjectOncePerJoinedRow() {
        blog();
        AsyncQuerySet<Author> joined = db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id));
        assertThat(names(await(joined.orderBy(Author_.name.asc()).fetchAll()))).containsExactly("ann", "ann", "bob");
        assertThat(await(joined.count())).isEqualTo(3L);
    }

    @Test
    void distinctReturnsEachJoinedObjectOnce() {
        blog();
        AsyncQuerySet<Author> joined = db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id))
                .distinct();
        assertThat(names(await(joined.orderBy(Author_.name.asc()).fetchAll()))).containsExactly("ann", "bob");
        assertThat(await(joined.count())).isEqualTo(2L);
    }

    @Test
    void conditionsOnTheJoinedEntity() {
        blog();
        List<Author> popular = await(db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id))
                .filter(Article_.views.ge(20L)).distinct().orderBy(Author_.name.asc()).fetchAll());
        assertThat(names(popular)).containsExactly("ann", "bob");
        List<Author> veryPopular = await(db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id))
                .filter(Article_.views.ge(30L)).fetchAll());
        assertThat(names(veryPopular)).containsExactly("bob");
    }

    @Test
    void leftJoinKeepsObjectsWithoutAMatch() {
        blog();
        List<Author> withoutArticles = await(authorsJoinedToArticles(JoinType.LEFT, "a")
                .filter(Article_.id.of("a").isNull()).fetchAll());
        assertThat(names(withoutArticles)).containsExactly("carl");
        assertThat(await(authorsJoinedToArticles(JoinType.LEFT, null).count())).isEqualTo(4L);
    }

    @Test
    void rightJoinLeavesOutRowsWithoutTheQueriedObject() {
        blog();
        List<Author> found = await(authorsJoinedToArticles(JoinType.RIGHT, "a").orderBy(Author_.name.asc()).fetchAll());
        assertThat(names(found)).containsExactly("ann", "ann", "bob");
        assertThat(found).allSatisfy(author -> assertThat(author.id).isNotNull());
        assertThat(await(authorsJoinedToArticles(JoinType.RIGHT, "a").count())).isEqualTo(3L);
    }

    @Test
    void anAliasAddressesTheJoinedEntitysProperties() {
        blog();
        List<Article> found = await(db.aselect(Article.class)
                .join(Author.class, Author_.id.of("w").eqAttribute(Article_.author), JoinType.INNER, "w")
                .filter(Author_.name.of("w").eq("bob")).fetchAll());
        assertThat(titles(found)).containsExactly("b1");
    }

    @Test
    void theQueriedEntityJoinedToItselfThroughAnAlias() {
        blog();
        List<Article> sameAuthorAsA1 = await(db.aselect(Article.class)
                .join(Article.class, Article_.author.of("other").eqAttribute(Article_.author), JoinType.INNER, "other")
                .filter(Article_.title.of("other").eq("a1"), Article_.title.ne("a1")).fetchAll());
        assertThat(titles(sameAuthorAsA1)).containsExactly("a2");
    }

    @Test
    void oneEntityJoinedTwiceUnderTwoAliases() {
        blog();
        List<Author> found = await(db.aselect(Author.class)
                .join(Article.class, Article_.author.of("x").eqAttribute(Author_.id), JoinType.INNER, "x")
                .join(Article.class, Article_.author.of("y").eqAttribute(Author_.id), JoinType.INNER, "y")
                .filter(Article_.title.of("x").eq("a1"), Article_.title.of("y").eq("a2")).fetchAll());
        assertThat(names(found)).containsExactly("ann");
    }

    @Test
    void aReferencePathOfAJoinedEntity() {
        blog();
        List<Author> found = await(db.aselect(Author.class)
                .join(Article.class, Article_.author.of("a").eqAttribute(Author_.id), JoinType.INNER, "a")
                .filter(Article_.author.of("a").then(Author_.name).eq("ann")).fetchAll());
        assertThat(names(found)).containsExactly("ann", "ann");
    }

    @Test
    void anEntityJoinedTwiceWithoutAliasesCannotBeAddressedByClass() {
        AsyncQuerySet<Author> twice = db.aselect(Author.class)
                .join(Article.class, Article_.author.of("j1").eqAttribute(Author_.id))
                .join(Article.class, Article_.author.of("j2").eqAttribute(Author_.id))
                .filter(Article_.title.eq("a1"));
        assertThatThrownBy(twice::getSql).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("joined 2 times").hasMessageContaining("alias");
    }

    @Test
    void aPropertyOfAnEntityNeitherQueriedNorJoinedIsRefused() {
        AsyncQuerySet<Article> query = db.aselect(Article.class).filter(Author_.name.eq("ann"));
        assertThatThrownBy(query::getSql).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("join it first");
        assertThatThrownBy(() -> await(query.fetchAll())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownAliasIsRefused() {
        AsyncQuerySet<Article> query = db.aselect(Article.class)
                .join(Author.class, Author_.id.of("w").eqAttribute(Article_.author), JoinType.INNER, "w")
                .filter(Author_.name.of("v").eq("ann"));
        assertThatThrownBy(query::getSql).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'v'");
    }

    @Test
    void aliasesMustBeUniqueAndNotNextormsOwn() {
        AsyncQuerySet<Author> twice = authorsJoinedToArticles(JoinType.INNER, "a")
                .join(Article.class, Article_.author.of("a").eqAttribute(Author_.id), JoinType.INNER, "a");
        assertThatThrownBy(twice::getSql).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> authorsJoinedToArticles(JoinType.INNER, "t1").getSql())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    @Test
    void joinRefusesMissingArguments() {
        AsyncQuerySet<Author> authors = db.aselect(Author.class);
        assertThatThrownBy(() -> authors.join(null, Article_.author.eqAttribute(Author_.id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> authors.join(Article.class, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> authors.join(Article.class, Article_.author.eqAttribute(Author_.id), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> authors.join(Article.class, Article_.author.eqAttribute(Author_.id), JoinType.INNER, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> authors.join(String.class, Article_.author.eqAttribute(Author_.id)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofRefusesAMissingAlias() {
        assertThatThrownBy(() -> Author_.name.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alias");
        assertThatThrownBy(() -> Article_.views.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofKeepsTheAttributeKind() {
        io.nextorm.NumberAttribute<Article, Long> views = Article_.views.of("o");
        io.nextorm.StringAttribute<Author> name = Author_.name.of("a");
        io.nextorm.ReferenceAttribute<Article, Author> author = Article_.author.of("o");
        assertThat(views.path().alias()).isEqualTo("o");
        assertThat(name.path().alias()).isEqualTo("a");
        assertThat(author.then(Author_.name).path().alias()).isEqualTo("o");
        assertThat(Article_.views.path().alias()).isNull();
    }
}
