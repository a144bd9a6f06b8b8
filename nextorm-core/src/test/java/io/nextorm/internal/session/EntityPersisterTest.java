package io.nextorm.internal.session;

import io.nextorm.dialect.PostgresDialect;
import io.nextorm.internal.execution.RowMappers;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.TypedNull;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL the persister and the link persister write, for PostgreSQL's numbered markers; no database. */
class EntityPersisterTest {

    private final Mapping mapping = Mapping.build(List.of(Article.class, Author.class, Tag.class), true);
    private final PostgresDialect dialect = new PostgresDialect();
    private final SqlRenderer renderer = new SqlRenderer(mapping, dialect);
    private final StatementExecutor executor = new StatementExecutor(dialect);

    private EntityPersister persister(Class<?> type) {
        EntityModel<?> model = mapping.entity(type);
        return new EntityPersister(model, renderer.statements(model), executor, new RowMappers(executor),
                (reference, target) -> reference.target().idOf(target), new SessionEvents());
    }

    private String quoted(String name) {
        return dialect.identifier(name);
    }

    @Test
    void newObjectsGoInOneMultiRowInsertWithMarkersNumberedAcrossRows() {
        List<Author> authors = List.of(new Author("ann"), new Author("bob"), new Author("cy"));
        List<SqlStatement> inserts = persister(Author.class).insertStatements(authors, false);
        assertThat(inserts).hasSize(1);
        assertThat(inserts.get(0).sql()).isEqualTo("INSERT INTO " + quoted("author") + " (" + quoted("name") + ", "
                + quoted("email") + ") VALUES ($1, $2), ($3, $4), ($5, $6)");
        assertThat(inserts.get(0).parameters()).containsExactly("ann", new TypedNull(String.class), "bob",
                new TypedNull(String.class), "cy", new TypedNull(String.class));
    }

    @Test
    void aRequiredFieldLeftNullIsLeftOutSoTheColumnDefaultAppliesAndRowsKeepTheirOrder() {
        List<Author> authors = List.of(new Author("ann"), new Author("bea"), new Author(null), new Author("cy"));
        List<SqlStatement> inserts = persister(Author.class).insertStatements(authors, false);
        assertThat(inserts).extracting(SqlStatement::sql).containsExactly(
                "INSERT INTO " + quoted("author") + " (" + quoted("name") + ", " + quoted("email") + ") VALUES ($1, $2), ($3, $4)",
                "INSERT INTO " + quoted("author") + " (" + quoted("email") + ") VALUES ($1)",
                "INSERT INTO " + quoted("author") + " (" + quoted("name") + ", " + quoted("email") + ") VALUES ($1, $2)");
        assertThat(inserts.get(1).parameters()).containsExactly(new TypedNull(String.class));
        assertThat(inserts.get(2).parameters()).containsExactly("cy", new TypedNull(String.class));
    }

    @Test
    void rowsThatLeaveOutTheSameColumnsStillSplitEveryFiveHundredAndTheNextRunStartsRight() {
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            authors.add(new Author(null));
        }
        authors.add(new Author("named"));
        List<SqlStatement> inserts = persister(Author.class).insertStatements(authors, false);
        assertThat(inserts).extracting(insert -> insert.parameters().size()).containsExactly(500, 2);
        assertThat(inserts.get(1).parameters()).containsExactly("named", new TypedNull(String.class));
    }

    @Test
    void anObjectWithEveryColumnLeftOutStillWritesThemSoTheDatabaseNamesWhatIsMissing() {
        SqlStatement insert = persister(Tag.class).insertStatements(List.of(new Tag(null)), false).get(0);
        assertThat(insert.sql()).isEqualTo("INSERT INTO " + quoted("tag") + " (" + quoted("name") + ") VALUES ($1)");
        assertThat(insert.parameters()).containsExactly(new TypedNull(String.class));
    }

    @Test
    void insertsAreSplitEveryFiveHundredRows() {
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            authors.add(new Author("a" + i));
        }
        List<SqlStatement> inserts = persister(Author.class).insertStatements(authors, false);
        assertThat(inserts).extracting(insert -> insert.parameters().size()).containsExactly(1000, 1000, 402);
        assertThat(inserts.get(2).sql()).endsWith("($401, $402)");
    }

    @Test
    void anInsertWithTheKeyWritesTheKeyFirst() {
        Author author = new Author("ann");
        author.id = 9L;
        SqlStatement insert = persister(Author.class).insertStatements(List.of(author), true).get(0);
        assertThat(insert.sql()).contains("(" + quoted("id") + ", ").endsWith("VALUES ($1, $2, $3)");
        assertThat(insert.parameters().get(0)).isEqualTo(9L);
    }

    @Test
    void anUpdateWithAVersionSetsTheNextOneAndChecksTheOneRead() {
        Article article = new Article("new title");
        article.setId(7L);
        EntityModel<?> model = mapping.entity(Article.class);
        EntityPersister.Change change = new EntityPersister.Change(article, List.of(model.property("title")),
                List.of(model.property("title")), List.of("old title"), 3L, true);
        SqlStatement update = persister(Article.class).updateStatement(change);
        assertThat(update.sql()).isEqualTo("UPDATE " + quoted("article") + " SET " + quoted("title") + " = $1, "
                + quoted("version") + " = $2 WHERE " + quoted("id") + " = $3 AND " + quoted("version") + " = $4");
        assertThat(update.parameters()).containsExactly("new title", 4L, 7L, 3L);
    }

    @Test
    void anUpdateWithoutAVersionChecksTheValuesReadAndANullWithIsNull() {
        Author author = new Author("new");
        author.id = 5L;
        author.email = "e@x";
        EntityModel<?> model = mapping.entity(Author.class);
        List<io.nextorm.internal.mapping.PropertyModel> columns = List.of(model.property("name"), model.property("email"));
        List<Object> read = new ArrayList<>();
        read.add("old");
        read.add(null);
        SqlStatement update = persister(Author.class).updateStatement(
                new EntityPersister.Change(author, columns, columns, read, null, true));
        assertThat(update.sql()).isEqualTo("UPDATE " + quoted("author") + " SET " + quoted("name") + " = $1, "
                + quoted("email") + " = $2 WHERE " + quoted("id") + " = $3 AND " + quoted("name") + " = $4 AND "
                + quoted("email") + " IS NULL");
        assertThat(update.parameters()).containsExactly("new", "e@x", 5L, "old");
    }

    @Test
    void aDeleteChecksTheVersionOnlyWhenAsked() {
        Article article = new Article("t");
        article.setId(3L);
        article.setVersion(2L);
        EntityPersister persister = persister(Article.class);
        SqlStatement checked = persister.deleteStatement(article, true);
        assertThat(checked.sql()).isEqualTo("DELETE FROM " + quoted("article") + " WHERE " + quoted("id") + " = $1 AND "
                + quoted("version") + " = $2");
        assertThat(checked.parameters()).containsExactly(3L, 2L);
        assertThat(persister.deleteStatement(article, false).sql()).doesNotContain(quoted("version"));
    }

    @Test
    void aLinkChangedFromBothSidesIsOneRowAndRemovalsComeFirst() {
        Article article = new Article("t");
        article.setId(1L);
        Tag java = new Tag("java");
        java.id = 10L;
        Tag old = new Tag("old");
        old.id = 11L;
        EntityModel<?> articles = mapping.entity(Article.class);
        EntityModel<?> tags = mapping.entity(Tag.class);
        LinkPersister links = new LinkPersister(renderer.links(), executor);
        List<SqlStatement> statements = links.statements(List.of(
                new LinkPersister.LinkChange(article, articles.property("tags"), java, true, false),
                new LinkPersister.LinkChange(java, tags.property("articles"), article, true, false),
                new LinkPersister.LinkChange(article, articles.property("tags"), old, false, false)));
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).sql()).startsWith("DELETE FROM ").contains(" = $1 AND ").endsWith(" = $2");
        assertThat(Set.copyOf(statements.get(0).parameters())).containsExactlyInAnyOrder(1L, 11L);
        assertThat(statements.get(1).sql()).startsWith("INSERT INTO ").endsWith("VALUES ($1, $2)");
        assertThat(Set.copyOf(statements.get(1).parameters())).containsExactlyInAnyOrder(1L, 10L);
    }
}
