package io.nextorm;

import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bind("h2", "file:/abs/path", ...)} opens that absolute path, not a path relative to the working directory. */
class H2FilePathTest {

    @Test
    void anAbsoluteFilePathStaysAbsolute(@TempDir Path dir) {
        Path base = dir.toAbsolutePath().resolve("app");
        AsyncDatabase db = new AsyncDatabase(List.of(Author.class, Article.class, Tag.class));
        try {
            db.bind("h2", "file:" + base, Map.of()).block(Duration.ofSeconds(30));
            db.generateMapping(SchemaCheck.CREATE, false).block(Duration.ofSeconds(30));
        } finally {
            db.close().block(Duration.ofSeconds(30));
        }
        assertThat(Files.exists(Path.of(base + ".mv.db"))).as("H2 file at " + base).isTrue();
        assertThat(Files.exists(Path.of(base.toString().substring(1) + ".mv.db"))).isFalse();
    }

    @Test
    void anUnknownShortFormSaysWhichOnesExist() {
        AsyncDatabase db = new AsyncDatabase(List.of(Tag.class));
        assertThatThrownBy(() -> db.bind("h2", "disk:/tmp/x", Map.of()).block(Duration.ofSeconds(30)))
                .hasMessageContaining("mem:, file: or r2dbc:h2:");
    }
}
