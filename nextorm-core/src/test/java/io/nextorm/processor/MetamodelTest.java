package io.nextorm.processor;

import io.nextorm.BooleanAttribute;
import io.nextorm.ComparableAttribute;
import io.nextorm.NumberAttribute;
import io.nextorm.ReferenceAttribute;
import io.nextorm.SetAttribute;
import io.nextorm.SingularAttribute;
import io.nextorm.StringAttribute;
import io.nextorm.processor.fixture.Article;
import io.nextorm.processor.fixture.Article_;
import io.nextorm.processor.fixture.Author;
import io.nextorm.processor.fixture.Author_;
import io.nextorm.processor.fixture.Library;
import io.nextorm.processor.fixture.Library_Shelf_;
import io.nextorm.processor.fixture.Status;
import io.nextorm.processor.fixture.Tag;
import io.nextorm.processor.fixture.Tag_;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metamodel classes generated for the entities of {@code io.nextorm.processor.fixture} while the
 * tests were compiled. The typed locals check the generic types at compile time, the assertions
 * the values at run time.
 */
class MetamodelTest {

    @Test
    void stringFieldIsAStringAttributeOfItsEntity() {
        StringAttribute<Article> title = Article_.title;

        assertThat(title).isExactlyInstanceOf(StringAttribute.class);
        assertThat(title.name()).isEqualTo("title");
        assertThat(title.entityType()).isEqualTo(Article.class);
        assertThat(title.valueType()).isEqualTo(String.class);
    }

    @Test
    void nullableStringIsAStringAttributeToo() {
        StringAttribute<Article> subtitle = Article_.subtitle;

        assertThat(subtitle.name()).isEqualTo("subtitle");
    }

    @Test
    void primitiveNumbersAreNumberAttributesOfTheirBoxedType() {
        NumberAttribute<Article, Long> views = Article_.views;
        NumberAttribute<Article, Integer> rank = Article_.rank;
        NumberAttribute<Article, Short> priority = Article_.priority;
        NumberAttribute<Article, Double> score = Article_.score;
        NumberAttribute<Article, Float> ratio = Article_.ratio;

        assertThat(views).isExactlyInstanceOf(NumberAttribute.class);
        assertThat(views.name()).isEqualTo("views");
        assertThat(views.valueType()).isEqualTo(Long.class);
        assertThat(rank.valueType()).isEqualTo(Integer.class);
        assertThat(priority.valueType()).isEqualTo(Short.class);
        assertThat(score.valueType()).isEqualTo(Double.class);
        assertThat(ratio.valueType()).isEqualTo(Float.class);
    }

    @Test
    void boxedNumbersAndBigDecimalAreNumberAttributes() {
        NumberAttribute<Article, Long> shares = Article_.shares;
        NumberAttribute<Article, Integer> likes = Article_.likes;
        NumberAttribute<Article, Short> stars = Article_.stars;
        NumberAttribute<Article, Double> rating = Article_.rating;
        NumberAttribute<Article, Float> weight = Article_.weight;
        NumberAttribute<Article, BigDecimal> price = Article_.price;

        assertThat(shares.valueType()).isEqualTo(Long.class);
        assertThat(likes.valueType()).isEqualTo(Integer.class);
        assertThat(stars.valueType()).isEqualTo(Short.class);
        assertThat(rating.valueType()).isEqualTo(Double.class);
        assertThat(weight.valueType()).isEqualTo(Float.class);
        assertThat(price.valueType()).isEqualTo(BigDecimal.class);
    }

    @Test
    void primaryKeyAndVersionAreNumberAttributes() {
        NumberAttribute<Article, Long> id = Article_.id;
        NumberAttribute<Article, Long> version = Article_.version;

        assertThat(id.name()).isEqualTo("id");
        assertThat(version.valueType()).isEqualTo(Long.class);
    }

    @Test
    void primitiveAndBoxedBooleansAreBooleanAttributes() {
        BooleanAttribute<Article> published = Article_.published;
        BooleanAttribute<Article> featured = Article_.featured;

        assertThat(published).isExactlyInstanceOf(BooleanAttribute.class);
        assertThat(published.valueType()).isEqualTo(Boolean.class);
        assertThat(featured.name()).isEqualTo("featured");
    }

    @Test
    void datesTimesAndUuidsAreComparableAttributes() {
        ComparableAttribute<Article, LocalDate> publishedOn = Article_.publishedOn;
        ComparableAttribute<Article, LocalDateTime> createdAt = Article_.createdAt;
        ComparableAttribute<Article, LocalTime> readAt = Article_.readAt;
        ComparableAttribute<Article, Instant> updatedAt = Article_.updatedAt;
        ComparableAttribute<Article, OffsetDateTime> scheduledAt = Article_.scheduledAt;
        ComparableAttribute<Article, UUID> uid = Article_.uid;

        assertThat(Arrays.<Object>asList(publishedOn, createdAt, readAt, updatedAt, scheduledAt, uid))
                .allSatisfy(attribute -> assertThat(attribute).isExactlyInstanceOf(ComparableAttribute.class));
        assertThat(publishedOn.valueType()).isEqualTo(LocalDate.class);
        assertThat(createdAt.valueType()).isEqualTo(LocalDateTime.class);
        assertThat(readAt.valueType()).isEqualTo(LocalTime.class);
        assertThat(updatedAt.valueType()).isEqualTo(Instant.class);
        assertThat(scheduledAt.valueType()).isEqualTo(OffsetDateTime.class);
        assertThat(uid.valueType()).isEqualTo(UUID.class);
    }

    @Test
    void enumIsASingularAttributeOfTheEnum() {
        SingularAttribute<Article, Status> status = Article_.status;

        assertThat(status).isExactlyInstanceOf(SingularAttribute.class);
        assertThat(status.valueType()).isEqualTo(Status.class);
    }

    @Test
    void byteArrayIsASingularAttributeOfByteArray() {
        SingularAttribute<Article, byte[]> cover = Article_.cover;

        assertThat(cover).isExactlyInstanceOf(SingularAttribute.class);
        assertThat(cover.valueType()).isEqualTo(byte[].class);
    }

    @Test
    void lazyStringIsAStringAttribute() {
        StringAttribute<Article> body = Article_.body;

        assertThat(body).isExactlyInstanceOf(StringAttribute.class);
        assertThat(body.name()).isEqualTo("body");
        assertThat(body.valueType()).isEqualTo(String.class);
    }

    @Test
    void referenceTargetsTheReferencedEntity() {
        ReferenceAttribute<Article, Author> author = Article_.author;

        assertThat(author).isExactlyInstanceOf(ReferenceAttribute.class);
        assertThat(author.valueType()).isEqualTo(Author.class);
        assertThat(author.then(Author_.name).path().names()).containsExactly("author", "name");
    }

    @Test
    void setsTargetTheirElementEntity() {
        SetAttribute<Article, Tag> articleTags = Article_.tags;
        SetAttribute<Tag, Article> tagArticles = Tag_.articles;
        SetAttribute<Author, Article> authorArticles = Author_.articles;

        assertThat(articleTags.elementType()).isEqualTo(Tag.class);
        assertThat(articleTags.entityType()).isEqualTo(Article.class);
        assertThat(tagArticles.elementType()).isEqualTo(Article.class);
        assertThat(authorArticles.elementType()).isEqualTo(Article.class);
        assertThat(authorArticles.name()).isEqualTo("articles");
    }

    @Test
    void staticAndTransientFieldsHaveNoAttribute() {
        assertThat(Arrays.stream(Article_.class.getDeclaredFields()).map(Field::getName))
                .doesNotContain("instances", "renderedTitle")
                .contains("title", "version");
    }

    @Test
    void nestedEntityHasAMetamodelNamedAfterItsPath() {
        NumberAttribute<Library.Shelf, Integer> capacity = Library_Shelf_.capacity;

        assertThat(capacity.entityType()).isEqualTo(Library.Shelf.class);
        assertThat(capacity.valueType()).isEqualTo(Integer.class);
        assertThat(Library_Shelf_.class.getPackageName()).isEqualTo(Library.class.getPackageName());
    }

    @Test
    void metamodelIsAFinalClassOfPublicStaticFinalFieldsThatCannotBeInstantiated() {
        assertThat(Modifier.isFinal(Article_.class.getModifiers())).isTrue();
        assertThat(Article_.class.getDeclaredConstructors())
                .allSatisfy(constructor -> assertThat(Modifier.isPrivate(constructor.getModifiers())).isTrue());
        assertThat(Article_.class.getDeclaredFields()).allSatisfy(field -> {
            int modifiers = field.getModifiers();
            assertThat(Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers))
                    .as(field.getName()).isTrue();
        });
    }
}
