package io.nextorm.processor;

import io.nextorm.Attribute;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles in-memory sources with {@link EntityProcessor}, through the JDK's compiler API, into a
 * directory: {@code classes} for class files and resources, {@code generated} for generated sources.
 */
final class TestCompiler {

    private final Path classes;
    private final Path generated;
    private final List<String> options = new ArrayList<>();

    TestCompiler(Path dir) {
        this.classes = dir.resolve("classes");
        this.generated = dir.resolve("generated");
    }

    /** Adds javac options, such as {@code -Xlint:all}. */
    TestCompiler options(String... more) {
        options.addAll(List.of(more));
        return this;
    }

    /**
     * Compiles sources given as pairs of qualified class name and text; the output directory is on
     * the class path too, as in an incremental build.
     */
    Result compile(Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            Files.createDirectories(generated);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(coreClasses(), classes));
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, text) -> units.add(new Source(name, text)));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(List.of(new EntityProcessor()));
            boolean success = task.call();
            return new Result(success, diagnostics.getDiagnostics());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a generated source file. */
    String generatedSource(String qualifiedName) throws IOException {
        return Files.readString(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
    }

    /** The lines of the entity index in the class output. */
    List<String> index() throws IOException {
        return Files.readAllLines(indexFile());
    }

    Path indexFile() {
        return classes.resolve(EntityIndex.RESOURCE);
    }

    /** A class loader over the compiled classes, sharing nextorm's classes with the tests. */
    URLClassLoader classLoader() throws MalformedURLException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private static Path coreClasses() {
        try {
            return Path.of(Attribute.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the compiler said. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {

        List<String> errors() {
            return messages(Diagnostic.Kind.ERROR);
        }

        List<String> messages(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT)).toList();
        }

        List<String> all() {
            return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT)).toList();
        }
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String text;

        Source(String qualifiedName, String text) {
            super(URI.create("string:///" + qualifiedName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
