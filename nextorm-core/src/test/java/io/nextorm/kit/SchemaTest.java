package io.nextorm.kit;

import io.nextorm.AsyncDatabase;
import io.nextorm.mapping.Column;
import io.nextorm.mapping.Table;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Article.class, Tag.class, Author.class);
    }

    @Test
    void schemaListsTablesInDependencyOrder() {
        Map<String, Table> schema = db.schema();
        assertThat(schema.keySet()).containsExactly("author", "article", "tag", "article_tags");
    }

    @Test
    void schemaDescribesColumnsKeysIndexesAndForeignKeys() {
        Table article = db.schema().get("article");
        assertThat(article.primaryKey()).containsExactly("id");
        assertThat(article.columns()).extracting(Column::name)
                .containsExactly("id", "title", "subtitle", "slug", "body", "views", "draft", "author_id", "published", "version");
        assertThat(article.column("title").orElseThrow().nullable()).isFalse();
        assertThat(article.column("subtitle").orElseThrow().nullable()).isTrue();
        assertThat(article.column("slug").orElseThrow().unique()).isTrue();
        assertThat(article.column("id").orElseThrow().generated()).isTrue();
        assertThat(article.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("author_id");
            assertThat(fk.referencedTable()).isEqualTo("author");
        });
        assertThat(article.indexes()).singleElement().satisfies(index ->
                assertThat(index.columns()).containsExactly("author_id", "published"));
        Table join = db.schema().get("article_tags");
        assertThat(join.primaryKey()).containsExactly("article_id", "tag_id");
        assertThat(join.foreignKeys()).extracting(fk -> fk.referencedTable()).containsExactly("article", "tag");
    }

    @Test
    void schemaIsACopy() {
        db.schema().clear();
        assertThat(db.schema()).hasSize(4);
    }

    @Test
    void theDatabaseEnforcesTheMappedConstraints() {
        await(db.execute("INSERT INTO tag (name) VALUES (?)", "java"));
        assertThatThrownBy(() -> await(db.execute("INSERT INTO tag (name) VALUES (?)", "java")))
                .isInstanceOfSatisfying(io.nextorm.SqlExecutionException.class, e -> assertThat(e.isIntegrityViolation()).isTrue());
        assertThatThrownBy(() -> await(db.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)", 1, 1)))
                .isInstanceOfSatisfying(io.nextorm.SqlExecutionException.class, e -> assertThat(e.isIntegrityViolation()).isTrue());
        assertThatThrownBy(() -> await(db.execute("INSERT INTO author (name, email) VALUES (?, ?)", null, "x@y")))
                .isInstanceOf(io.nextorm.SqlExecutionException.class);
    }

    @Test
    void generateMappingAgainOverExistingTablesKeepsTheirRows() {
        await(db.asave(new Author("kept")));
        AsyncDatabase again = new AsyncDatabase(entities());
        String product = target == io.nextorm.testkit.TestDatabase.H2 ? "H2"
                : target == io.nextorm.testkit.TestDatabase.POSTGRES ? "PostgreSQL"
                : target.isSqlite() ? "SQLite" : "MariaDB";
        io.r2dbc.spi.ConnectionFactory sameDatabase = new io.r2dbc.spi.ConnectionFactory() {
            @Override
            public org.reactivestreams.Publisher<? extends io.r2dbc.spi.Connection> create() {
                return db.getConnection();
            }

            @Override
            public io.r2dbc.spi.ConnectionFactoryMetadata getMetadata() {
                return () -> product;
            }
        };
        await(again.bind(sameDatabase));
        await(again.generateMapping(true, true));
        assertThat(await(again.aselect(Author.class).fetchAll())).extracting(a -> a.name).containsExactly("kept");
        assertThat(again.dialect().name()).isEqualTo(target.provider());
        await(again.close());
        assertThat(await(db.aselect(Author.class).count())).isEqualTo(1L);
    }
}
