package io.nextorm.processor;

import io.nextorm.MappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityIndexTest {

    @TempDir
    Path dir;

    @Test
    void indexOfTheTestClassesListsTheFixtureEntitiesByBinaryName() {
        List<String> names = EntityIndex.read(getClass().getClassLoader());

        assertThat(names).contains(
                "io.nextorm.processor.fixture.Article",
                "io.nextorm.processor.fixture.Author",
                "io.nextorm.processor.fixture.Tag",
                "io.nextorm.processor.fixture.Library$Shelf");
        assertThat(names).doesNotContain("io.nextorm.processor.fixture.Library", "io.nextorm.processor.fixture.Status");
    }

    @Test
    void indexFileIsSortedWithOneNamePerLine() throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EntityIndex.RESOURCE)) {
            assertThat(in).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();

        assertThat(text).endsWith("\n");
        assertThat(lines).isSorted().doesNotHaveDuplicates().allSatisfy(line -> assertThat(line).isNotBlank().doesNotContain(" "));
    }

    @Test
    void readMergesEveryIndexOnTheClassPathWithoutDuplicates() throws IOException {
        Path first = index("first", "com.example.A\ncom.example.B\n");
        Path second = index("second", "com.example.B\ncom.example.C$D\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()}, null)) {
            assertThat(EntityIndex.read(loader)).containsExactly("com.example.A", "com.example.B", "com.example.C$D");
        }
    }

    @Test
    void readSkipsBlankLinesCommentsAndSurroundingSpace() throws IOException {
        Path root = index("root", "# entities\n\n  com.example.A  \r\ncom.example.B");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThat(EntityIndex.read(loader)).containsExactly("com.example.A", "com.example.B");
        }
    }

    @Test
    void readGivesAnEmptyListWithoutIndex() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(EntityIndex.read(loader)).isEmpty();
        }
    }

    @Test
    void readWrapsAnUnreadableResourceInAMappingExceptionNamingIt() throws IOException {
        URL missing = dir.resolve("gone").resolve(EntityIndex.RESOURCE).toUri().toURL();
        ClassLoader loader = new ClassLoader(null) {
            @Override
            public Enumeration<URL> getResources(String name) {
                return Collections.enumeration(List.of(missing));
            }
        };

        assertThatThrownBy(() -> EntityIndex.read(loader))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(missing.toString())
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void readWrapsAFailureToListTheResourcesNamingTheResource() {
        ClassLoader loader = new ClassLoader(null) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                throw new IOException("broken class path");
            }
        };

        assertThatThrownBy(() -> EntityIndex.read(loader))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(EntityIndex.RESOURCE)
                .hasMessageContaining("broken class path");
    }

    @Test
    void readRejectsANullClassLoader() {
        assertThatIllegalArgumentException().isThrownBy(() -> EntityIndex.read(null)).withMessageContaining("class loader");
    }

    private Path index(String root, String text) throws IOException {
        Path file = dir.resolve(root).resolve(EntityIndex.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return dir.resolve(root);
    }
}
