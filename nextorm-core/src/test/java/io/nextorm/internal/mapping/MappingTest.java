package io.nextorm.internal.mapping;

import io.nextorm.mapping.Table;

import io.nextorm.Lazy;
import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Version;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingTest {

    @Entity
    static class Lonely {
        @PrimaryKey Long id;
        Set<Tag> tags;
    }

    @Entity
    static class Person {
        @PrimaryKey Long id;
        Set<Pet> pets;
    }

    @Entity
    static class Pet {
        @PrimaryKey Long id;
        Person owner;
        Person vet;
    }

    @Entity
    static class WithMap {
        @PrimaryKey Long id;
        Map<String, String> attributes;
    }

    @Entity
    static class TwoKeys {
        @PrimaryKey Long id;
        @PrimaryKey Long other;
    }

    @Entity
    static class StringVersion {
        @PrimaryKey Long id;
        @Version String version;
    }

    @Entity
    static class LazyReference {
        @PrimaryKey Long id;
        Lazy<Author> author;
    }

    @Entity
    static class BlogPost {
        @PrimaryKey Long postId;
        String URLSlug;
        transient String ignored;
        static String alsoIgnored;
    }

    @Entity
    static class Node {
        @PrimaryKey Long id;
        Node parent;
        Set<Node> children;
    }

    @Entity
    static class Chicken {
        @PrimaryKey Long id;
        Egg egg;
    }

    @Entity
    static class Egg {
        @PrimaryKey Long id;
        Chicken chicken;
    }

    @Test
    void aSetWithoutReverseNamesBothClassesAndTheField() {
        assertThatThrownBy(() -> Mapping.build(List.of(Lonely.class, Tag.class, Article.class, Author.class), true))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("MappingTest$Lonely.tags")
                .hasMessageContaining("io.nextorm.testkit.model.Tag")
                .hasMessageContaining("no reverse side");
    }

    @Test
    void aSetWithTwoReverseCandidatesNamesThem() {
        assertThatThrownBy(() -> Mapping.build(List.of(Person.class, Pet.class), true))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("MappingTest$Person.pets")
                .hasMessageContaining("MappingTest$Pet")
                .hasMessageContaining("[owner, vet]");
    }

    @Test
    void withoutValidationAnAmbiguousSetIsLeftUnmapped() {
        Mapping mapping = Mapping.build(List.of(Person.class, Pet.class), false);
        assertThat(mapping.entity(Person.class).property("pets").relation()).isNull();
    }

    @Test
    void unsupportedFieldTypesAreMappingErrors() {
        assertThatThrownBy(() -> Mapping.build(List.of(WithMap.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("WithMap.attributes").hasMessageContaining("transient");
        KeyModel twoKeys = Mapping.build(List.of(TwoKeys.class), true).entity(TwoKeys.class).key();
        assertThat(twoKeys.composite()).isTrue();
        assertThat(twoKeys.columns()).containsExactly("id", "other");
        assertThat(twoKeys.parts()).noneMatch(PropertyModel::generated);
        assertThatThrownBy(() -> Mapping.build(List.of(StringVersion.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@Version");
        assertThatThrownBy(() -> Mapping.build(List.of(LazyReference.class, Author.class, Article.class, Tag.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("Lazy<Author>");
    }

    @Test
    void aReferenceToAnUnregisteredEntityIsAMappingError() {
        assertThatThrownBy(() -> Mapping.build(List.of(Article.class, Tag.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("register it too");
    }

    @Test
    void namesAreSnakeCaseAndTransientOrStaticFieldsAreSkipped() {
        EntityModel<BlogPost> model = Mapping.build(List.of(BlogPost.class), true).entity(BlogPost.class);
        assertThat(model.table()).isEqualTo("blog_post");
        assertThat(model.properties()).extracting(PropertyModel::column).containsExactly("post_id", "url_slug");
    }

    @Test
    void oneToManyAndManyToManyRelationsAreResolved() {
        Mapping mapping = Mapping.build(List.of(Author.class, Article.class, Tag.class), true);
        PropertyModel articles = mapping.entity(Author.class).property("articles");
        assertThat(articles.relation().isManyToMany()).isFalse();
        assertThat(articles.relation().reverse().name()).isEqualTo("author");
        PropertyModel tags = mapping.entity(Article.class).property("tags");
        assertThat(tags.relation().joinTable()).isEqualTo("article_tags");
        assertThat(tags.relation().ownColumn()).isEqualTo("article_id");
        assertThat(tags.relation().otherColumn()).isEqualTo("tag_id");
        assertThat(mapping.entity(Tag.class).property("articles").relation().joinTable()).isEqualTo("article_tags");
        assertThat(mapping.entity(Article.class).property("author").column()).isEqualTo("author_id");
    }

    @Test
    void aSelfReferenceIsAOneToManyOnTheSameTable() {
        Mapping mapping = Mapping.build(List.of(Node.class), true);
        assertThat(mapping.entity(Node.class).property("children").relation().reverse().name()).isEqualTo("parent");
        assertThat(mapping.deferredForeignKeys()).isEmpty();
    }

    @Test
    void aCycleOfReferencesDefersOneForeignKey() {
        Mapping mapping = Mapping.build(List.of(Chicken.class, Egg.class), true);
        assertThat(mapping.creationOrder()).extracting(Table::name).containsExactly("egg", "chicken");
        assertThat(mapping.deferredForeignKeys()).singleElement()
                .satisfies(fk -> assertThat(fk.referencedTable()).isEqualTo("chicken"));
    }

    @Test
    void unknownEntitiesAndPropertiesAreIllegalArguments() {
        Mapping mapping = Mapping.build(List.of(Author.class, Article.class, Tag.class), true);
        assertThatThrownBy(() -> mapping.entity(String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mapping.entity(Author.class).property("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[id, name, email, articles]");
    }

    @Test
    void snakeCaseHandlesAcronymsAndDigits() {
        assertThat(Naming.snakeCase("BlogPost")).isEqualTo("blog_post");
        assertThat(Naming.snakeCase("URLSlug")).isEqualTo("url_slug");
        assertThat(Naming.snakeCase("authorId")).isEqualTo("author_id");
        assertThat(Naming.snakeCase("address2Line")).isEqualTo("address2_line");
        assertThat(Naming.snakeCase("id")).isEqualTo("id");
    }
}
