package io.nextorm.kit;

import io.nextorm.Lazy;
import io.nextorm.MappingException;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.SqlExecutionException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Code;
import io.nextorm.testkit.model.Code_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrudTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class, Code.class);
    }

    @Test
    void asaveOfANewObjectInsertsItAndSetsTheGeneratedKey() {
        Article first = await(db.asave(new Article("first")));
        Article second = await(db.asave(new Article("second")));
        assertThat(first.getId()).isNotNull();
        assertThat(second.getId()).isNotNull().isNotEqualTo(first.getId());
        List<Map<String, Object>> rows = await(db.selectRaw("SELECT id, title FROM article ORDER BY id"));
        assertThat(rows).hasSize(2);
        assertThat(((Number) rows.get(0).get("id")).longValue()).isEqualTo(first.getId());
        assertThat(rows.get(1).get("title")).isEqualTo("second");
    }

    @Test
    void asaveOfASavedObjectUpdatesItsRow() {
        Article article = await(db.asave(new Article("draft title", 5)));
        article.setTitle("final title");
        article.setViews(7);
        await(db.asave(article));
        Article loaded = await(db.aselect(Article.class).filter(Article_.id.eq(article.getId())).getOrRaise());
        assertThat(loaded.getTitle()).isEqualTo("final title");
        assertThat(loaded.getViews()).isEqualTo(7);
        assertThat(await(db.aselect(Article.class).count())).isEqualTo(1L);
    }

    @Test
    void theVersionStartsAtOneAndGrowsWithEachUpdate() {
        Article article = await(db.asave(new Article("v")));
        assertThat(article.getVersion()).isEqualTo(1);
        await(db.asave(article));
        assertThat(article.getVersion()).isEqualTo(2);
        assertThat(await(db.aselect(Article.class).getOrRaise()).getVersion()).isEqualTo(2);
    }

    @Test
    void asaveOfAStaleVersionFailsAndKeepsTheNewerRow() {
        Article article = await(db.asave(new Article("original")));
        Article stale = await(db.aselect(Article.class).getOrRaise());
        article.setTitle("newer");
        await(db.asave(article));
        stale.setTitle("stale write");
        assertThatThrownBy(() -> await(db.asave(stale))).isInstanceOf(OptimisticCheckException.class)
                .hasMessageContaining("Article[" + article.getId() + "]");
        assertThat(await(db.aselect(Article.class).getOrRaise()).getTitle()).isEqualTo("newer");
    }

    @Test
    void asaveOfAKeyWithNoRowRaisesObjectNotFound() {
        Code code = new Code("missing", "x");
        assertThatThrownBy(() -> await(db.asave(code))).isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("ainsert");
    }

    @Test
    void ainsertInsertsWithTheKeyGiven() {
        await(db.ainsert(new Code("EUR", "Euro")));
        Code loaded = await(db.aselect(Code.class).filter(Code_.code.eq("EUR")).getOrRaise());
        assertThat(loaded.label).isEqualTo("Euro");
        Code renamed = new Code("EUR", "euro");
        await(db.asave(renamed));
        assertThat(await(db.aselect(Code.class).getOrRaise()).label).isEqualTo("euro");
    }

    @Test
    void ainsertWithAChosenGeneratedKeyKeepsIt() {
        Article article = new Article("chosen");
        article.setId(4242L);
        await(db.ainsert(article));
        assertThat(await(db.aselect(Article.class).getOrRaise()).getId()).isEqualTo(4242L);
    }

    @Test
    void ainsertOfAnExistingKeyFailsWithTheSql() {
        await(db.ainsert(new Code("USD", "Dollar")));
        assertThatThrownBy(() -> await(db.ainsert(new Code("USD", "again"))))
                .isInstanceOfSatisfying(SqlExecutionException.class, e -> {
                    assertThat(e.isIntegrityViolation()).isTrue();
                    assertThat(e.getSql()).startsWith("INSERT INTO code");
                    assertThat(e.getMessage()).doesNotContain("again");
                });
    }

    @Test
    void ainsertOfAnUnsetApplicationKeyIsRefused() {
        assertThatThrownBy(() -> await(db.ainsert(new Code(null, "no key"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Code.code");
    }

    @Test
    void aNotNullViolationSurfacesAsSqlExecutionExceptionWithTheSql() {
        Article untitled = new Article(null);
        assertThatThrownBy(() -> await(db.asave(untitled)))
                .isInstanceOfSatisfying(SqlExecutionException.class, e -> {
                    assertThat(e.getSql()).startsWith("INSERT INTO article (");
                    assertThat(e.getMessage()).contains("[SQL: INSERT INTO article");
                    assertThat(e.isIntegrityViolation()).isTrue();
                    assertThat(e.getCause()).isInstanceOf(io.r2dbc.spi.R2dbcException.class);
                });
        assertThat(await(db.aselect(Article.class).count())).isZero();
    }

    @Test
    void adeleteInstanceDeletesTheRow() {
        Article keep = await(db.asave(new Article("keep")));
        Article gone = await(db.asave(new Article("gone")));
        await(db.adeleteInstance(gone));
        assertThat(await(db.aselect(Article.class).fetchAll())).extracting(Article::getId).containsExactly(keep.getId());
    }

    @Test
    void adeleteInstanceOfAnUnsavedObjectIsRefused() {
        assertThatThrownBy(() -> await(db.adeleteInstance(new Article("never saved"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsaved Article");
    }

    @Test
    void adeleteInstanceOfARowAlreadyGoneRaises() {
        Code code = await(db.ainsert(new Code("X", "x")));
        await(db.execute("DELETE FROM code"));
        assertThatThrownBy(() -> await(db.adeleteInstance(code))).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void hooksRunAroundEachWriteInOrder() {
        Article article = new Article("hooked");
        await(db.asave(article));
        article.setTitle("changed");
        await(db.asave(article));
        await(db.adeleteInstance(article));
        assertThat(article.events).containsExactly("beforeInsert", "afterInsert:" + article.getId(),
                "beforeUpdate", "afterUpdate", "beforeDelete", "afterDelete");
    }

    @Test
    void aFailedInsertRunsNoAfterHook() {
        Article article = new Article(null);
        assertThatThrownBy(() -> await(db.asave(article))).isInstanceOf(SqlExecutionException.class);
        assertThat(article.events).containsExactly("beforeInsert");
    }

    @Test
    void referencesAreStoredAsForeignKeysAndLoadedAsKeyedReferences() {
        Author ann = await(db.asave(new Author("ann")));
        Article article = new Article("by ann");
        article.setAuthor(ann);
        await(db.asave(article));
        Article loaded = await(db.aselect(Article.class).getOrRaise());
        assertThat(loaded.getAuthor()).isNotNull();
        assertThat(loaded.getAuthor().id).isEqualTo(ann.id);
        assertThat(await(db.selectRaw("SELECT author_id FROM article")).get(0).get("author_id"))
                .satisfies(v -> assertThat(((Number) v).longValue()).isEqualTo(ann.id));
    }

    @Test
    void savingAReferenceToAnUnsavedObjectIsRefused() {
        Article article = new Article("orphan");
        article.setAuthor(new Author("not saved"));
        assertThatThrownBy(() -> await(db.asave(article))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unsaved Author");
    }

    @Test
    void aForeignKeyToAMissingRowIsRejectedByTheDatabase() {
        Author ghost = new Author("ghost");
        ghost.id = 999_999L;
        Article article = new Article("dangling");
        article.setAuthor(ghost);
        assertThatThrownBy(() -> await(db.asave(article)))
                .isInstanceOfSatisfying(SqlExecutionException.class, e -> assertThat(e.isIntegrityViolation()).isTrue());
    }

    @Test
    void lazyFieldsAreWrittenButNotLoadedByQueries() {
        Article article = new Article("lazy");
        article.setBody(Lazy.of("a long body"));
        await(db.asave(article));
        Article loaded = await(db.aselect(Article.class).getOrRaise());
        assertThat(loaded.getBody().isLoaded()).isFalse();
        assertThat(db.lastSql()).doesNotContain("body");
        assertThat(await(db.<String>loadLazyField(loaded, "body"))).isEqualTo("a long body");
        assertThat(loaded.getBody().get()).isEqualTo("a long body");
    }

    @Test
    void loadLazyFieldSendsOneSelectAndCachesTheValue() {
        Article article = new Article("lazy");
        article.setBody(Lazy.of("body"));
        await(db.asave(article));
        Article loaded = await(db.aselect(Article.class).getOrRaise());
        db.clearLocalStats();
        await(db.loadLazyField(loaded, "body"));
        await(db.loadLazyField(loaded, "body"));
        assertThat(db.localStats().values().stream().mapToLong(s -> s.count()).sum()).isEqualTo(1);
    }

    @Test
    void updatingAnObjectWithAnUnloadedLazyFieldKeepsTheStoredValue() {
        Article article = new Article("lazy");
        article.setBody(Lazy.of("keep me"));
        await(db.asave(article));
        Article loaded = await(db.aselect(Article.class).getOrRaise());
        loaded.setTitle("retitled");
        await(db.asave(loaded));
        assertThat(await(db.<String>loadLazyField(await(db.aselect(Article.class).getOrRaise()), "body")))
                .isEqualTo("keep me");
    }

    @Test
    void loadLazyFieldOfANonLazyFieldIsRefused() {
        Article article = await(db.asave(new Article("x")));
        assertThatThrownBy(() -> await(db.loadLazyField(article, "title")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Lazy");
        assertThatThrownBy(() -> await(db.loadLazyField(article, "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no persistent property 'nope'");
    }

    @Test
    void writesOfNonEntitiesAreRefused() {
        assertThatThrownBy(() -> await(db.asave("a string"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not a mapped entity");
        assertThatThrownBy(() -> await(db.asave(null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> await(db.ainsert(null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> await(db.adeleteInstance(null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registerAfterGenerateMappingIsRefused() {
        assertThatThrownBy(() -> db.register(Author.class)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.generateMapping().block()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEntityWithoutPrimaryKeyIsAMappingError() {
        assertThatThrownBy(() -> io.nextorm.internal.mapping.Mapping.build(List.of(NoKey.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("no primary key");
    }

    @io.nextorm.annotation.Entity
    static class NoKey {
        String name;
    }
}
