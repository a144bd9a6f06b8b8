package io.nextorm.processor;

import io.nextorm.NumberAttribute;
import io.nextorm.ReferenceAttribute;
import io.nextorm.SetAttribute;
import io.nextorm.SingularAttribute;
import io.nextorm.StringAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor run on small sources by the JDK's compiler: its compile errors, the code it
 * generates for less common field types, and the index of incremental builds.
 */
class EntityProcessorTest {

    private static final String IMPORTS = """
            package shop;
            import io.nextorm.Lazy;
            import io.nextorm.annotation.*;
            import java.util.*;
            """;

    private static final String AUTHOR = IMPORTS + "@Entity public class Author { @PrimaryKey Long id; String name; }";

    @TempDir
    Path dir;

    @Test
    void abstractEntityIsAnError() {
        TestCompiler.Result result = compile("shop.Draft", "@Entity public abstract class Draft { @PrimaryKey Long id; }");

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).singleElement().asString()
                .startsWith("@Entity shop.Draft is abstract: an entity must be a concrete class");
    }

    @Test
    void entityWithoutNoArgConstructorIsAnError() {
        TestCompiler.Result result = compile("shop.Order",
                "@Entity public class Order { @PrimaryKey Long id; public Order(Long id) { this.id = id; } }");

        assertThat(result.errors()).singleElement().asString()
                .startsWith("@Entity shop.Order has no no-arg constructor")
                .contains("add public Order() {}");
    }

    @Test
    void privateNoArgConstructorIsAnError() {
        TestCompiler.Result result = compile("shop.Order", "@Entity public class Order { @PrimaryKey Long id; private Order() { } }");

        assertThat(result.errors()).singleElement().asString()
                .startsWith("@Entity shop.Order has a private no-arg constructor");
    }

    @Test
    void interfaceEnumAndRecordEntitiesAreErrors() {
        TestCompiler.Result result = new TestCompiler(dir).compile(Map.of(
                "shop.Named", IMPORTS + "@Entity public interface Named { }",
                "shop.Color", IMPORTS + "@Entity public enum Color { RED }",
                "shop.Point", IMPORTS + "@Entity public record Point(int x, int y) { }"));

        assertThat(result.errors()).containsExactlyInAnyOrder(
                "@Entity shop.Named is an interface: an entity must be a concrete class with a no-arg constructor",
                "@Entity shop.Color is an enum: an entity must be a concrete class with a no-arg constructor",
                "@Entity shop.Point is a record: an entity must be a concrete class with a no-arg constructor");
    }

    @Test
    void innerClassEntityIsAnError() {
        TestCompiler.Result result = compile("shop.Shop",
                "public class Shop { @Entity public class Item { @PrimaryKey Long id; } }");

        assertThat(result.errors()).singleElement().asString().isEqualTo("@Entity shop.Shop.Item is an inner class: declare it static");
    }

    @Test
    void privateNestedEntityIsAnError() {
        TestCompiler.Result result = compile("shop.Shop",
                "public class Shop { @Entity private static class Item { @PrimaryKey Long id; } }");

        assertThat(result.errors()).singleElement().asString()
                .startsWith("@Entity shop.Shop.Item is private: its metamodel Shop_Item_ cannot reach it");
    }

    @Test
    void genericEntityIsAnError() {
        TestCompiler.Result result = compile("shop.Box", "@Entity public class Box<T> { @PrimaryKey Long id; T content; }");

        assertThat(result.errors()).singleElement().asString().startsWith("@Entity shop.Box is generic");
    }

    @Test
    void fieldHidingASuperclassFieldIsAnError() {
        TestCompiler.Result result = compile("shop.Item", """
                class Base { String name; }
                @Entity public class Item extends Base { @PrimaryKey Long id; String name; }
                """);

        assertThat(result.errors()).singleElement().asString()
                .startsWith("Field name of shop.Item hides the persistent field name of shop.Base");
    }

    @Test
    void fieldNamedLikeAPackageOfTheMetamodelIsAnError() {
        TestCompiler.Result result = compile("shop.Item", "@Entity public class Item { @PrimaryKey Long id; String java; }");

        assertThat(result.errors()).singleElement().asString()
                .startsWith("Field java of @Entity shop.Item has the name of the package java");
    }

    @Test
    void generatedCodeCompilesWithoutAnyLintWarning() {
        TestCompiler.Result result = compileLintFree();

        assertThat(result.all()).isEmpty();
        assertThat(result.success()).isTrue();
    }

    @Test
    void inheritedFieldsComeFirstAndTakeTheSuperclassTypeArguments() throws Exception {
        TestCompiler compiler = new TestCompiler(dir).options("-Xlint:all", "-Werror");
        compiler.compile(lintFreeSources());
        String source = compiler.generatedSource("shop.Book_");

        assertThat(source.indexOf(" id\n")).isPositive().isLessThan(source.indexOf(" version\n"));
        assertThat(source.indexOf(" version\n")).isLessThan(source.indexOf(" title\n"));
        try (URLClassLoader loader = compiler.classLoader()) {
            NumberAttribute<?, ?> id = (NumberAttribute<?, ?>) attribute(loader, "shop.Book_", "id");
            assertThat(id.valueType()).isEqualTo(Long.class);
            assertThat(id.entityType()).isEqualTo(loader.loadClass("shop.Book"));
        }
    }

    @Test
    void lessCommonTypesGetTheMostSpecificAttribute() throws Exception {
        TestCompiler compiler = new TestCompiler(dir);
        compiler.compile(lintFreeSources());

        try (URLClassLoader loader = compiler.classLoader()) {
            // not column types of the mapping, so not typed as numbers either (SupportedTypes)
            assertThat(attribute(loader, "shop.Book_", "isbn")).isExactlyInstanceOf(SingularAttribute.class);
            assertThat(((SingularAttribute<?, ?>) attribute(loader, "shop.Book_", "isbn")).valueType()).isEqualTo(BigInteger.class);
            assertThat(attribute(loader, "shop.Book_", "edition")).isExactlyInstanceOf(NumberAttribute.class);
            assertThat(attribute(loader, "shop.Book_", "grade")).isExactlyInstanceOf(SingularAttribute.class);
            assertThat(((SingularAttribute<?, ?>) attribute(loader, "shop.Book_", "grade")).valueType()).isEqualTo(Character.class);
            assertThat(((SingularAttribute<?, ?>) attribute(loader, "shop.Book_", "keywords")).valueType()).isEqualTo(List.class);
            assertThat(((SingularAttribute<?, ?>) attribute(loader, "shop.Book_", "chapters")).valueType()).isEqualTo(String[].class);
            assertThat(attribute(loader, "shop.Book_", "labels")).isExactlyInstanceOf(SingularAttribute.class);
            assertThat(attribute(loader, "shop.Book_", "summary")).isExactlyInstanceOf(StringAttribute.class);
            assertThat(((ReferenceAttribute<?, ?>) attribute(loader, "shop.Book_", "editor")).valueType())
                    .isEqualTo(loader.loadClass("shop.Author"));
            assertThat(((SetAttribute<?, ?>) attribute(loader, "shop.Book_", "reviewers")).elementType())
                    .isEqualTo(loader.loadClass("shop.Author"));
            assertThat(((SetAttribute<?, ?>) attribute(loader, "shop.Book_", "coauthors")).elementType())
                    .isEqualTo(loader.loadClass("shop.Author"));
        }
    }

    @Test
    void entityInTheUnnamedPackageGetsAMetamodelThere() throws Exception {
        TestCompiler compiler = new TestCompiler(dir);
        TestCompiler.Result result = compiler.compile(Map.of("Note",
                "@io.nextorm.annotation.Entity public class Note { @io.nextorm.annotation.PrimaryKey Long id; String text; }"));

        assertThat(result.all()).isEmpty();
        try (URLClassLoader loader = compiler.classLoader()) {
            assertThat(attribute(loader, "Note_", "text")).isExactlyInstanceOf(StringAttribute.class);
        }
        assertThat(compiler.index()).containsExactly("Note");
    }

    @Test
    void indexListsBinaryNamesSorted() throws Exception {
        TestCompiler compiler = new TestCompiler(dir);
        compiler.compile(Map.of(
                "shop.Author", AUTHOR,
                "shop.Shop", IMPORTS + "public class Shop { @Entity public static class Item { @PrimaryKey Long id; } }",
                "shop.Basket", IMPORTS + "@Entity public class Basket { @PrimaryKey Long id; }"));

        assertThat(compiler.index()).containsExactly("shop.Author", "shop.Basket", "shop.Shop$Item");
    }

    @Test
    void incrementalBuildKeepsTheEntitiesOfTheEarlierIndex() throws Exception {
        TestCompiler compiler = new TestCompiler(dir);
        compiler.compile(Map.of("shop.Author", AUTHOR));

        TestCompiler.Result result = compiler.compile(Map.of("shop.Basket", IMPORTS
                + "@Entity public class Basket { @PrimaryKey Long id; Author owner; }"));

        assertThat(result.all()).isEmpty();
        assertThat(compiler.index()).containsExactly("shop.Author", "shop.Basket");
    }

    @Test
    void incrementalBuildDropsNamesThatAreNoLongerEntities() throws Exception {
        TestCompiler compiler = new TestCompiler(dir);
        compiler.compile(Map.of("shop.Author", AUTHOR, "shop.Plain", "package shop; public class Plain { }"));
        Files.writeString(compiler.indexFile(), "shop.Author\nshop.Gone\nshop.Plain\n");

        compiler.compile(Map.of("shop.Basket", IMPORTS + "@Entity public class Basket { @PrimaryKey Long id; }"));

        assertThat(compiler.index()).containsExactly("shop.Author", "shop.Basket");
    }

    private TestCompiler.Result compile(String name, String body) {
        return new TestCompiler(dir).compile(Map.of(name, IMPORTS + body));
    }

    private TestCompiler.Result compileLintFree() {
        return new TestCompiler(dir).options("-Xlint:all", "-Werror").compile(lintFreeSources());
    }

    private static Map<String, String> lintFreeSources() {
        return Map.of(
                "shop.Author", AUTHOR,
                "shop.Stored", IMPORTS + """
                        public abstract class Stored<K extends Comparable<K>> {
                            @PrimaryKey K id;
                            @Version long version;
                            static int created;
                        }
                        """,
                "shop.Book", IMPORTS + """
                        @Entity public class Book extends Stored<Long> {
                            String title;
                            java.math.BigInteger isbn;
                            byte edition;
                            char grade;
                            List<String> keywords;
                            String[] chapters;
                            Set<String> labels;
                            Map<String, List<Integer>> ratings;
                            Lazy<String> summary;
                            Lazy<Author> editor;
                            Set<? extends Author> reviewers;
                            Lazy<Set<Author>> coauthors;
                            transient Object cache;
                        }
                        """);
    }

    private static Object attribute(ClassLoader loader, String metamodel, String field) throws ReflectiveOperationException {
        return loader.loadClass(metamodel).getField(field).get(null);
    }
}
