package io.nextorm.processor;

import io.nextorm.MappingException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entity index: the list of {@link io.nextorm.annotation.Entity @Entity} classes that
 * {@link EntityProcessor} writes into each compiled module, read back at run time to find every
 * entity on the class path.
 *
 * <pre>{@code
 * List<String> names = EntityIndex.read(getClass().getClassLoader());
 * // ["com.example.blog.Article", "com.example.blog.Author", "com.example.shop.Order$Line"]
 * }</pre>
 *
 * <p>The resource {@value #RESOURCE} is UTF-8 text with one binary class name per line
 * ({@code com.example.shop.Order$Line} for a nested class), sorted. Blank lines and lines that
 * start with {@code #} are ignored when reading.
 *
 * <p>Nothing is cached: each call reads the resources of the class loader it is given, so a new
 * class loader (a Spring DevTools restart, a test) sees its own entities.
 */
public final class EntityIndex {

    /**
     * Where the index lives, relative to a class path root.
     */
    public static final String RESOURCE = "META-INF/nextorm/entities";

    private EntityIndex() {
    }

    /**
     * Reads the entity class names listed by every index resource that a class loader sees, in
     * class path order, each name once. The classes are not loaded.
     *
     * @param classLoader the class loader whose resources to read, not null
     * @return the binary names of the entity classes; empty when there is no index
     * @throws MappingException when an index resource cannot be read; the message names it
     */
    public static List<String> read(ClassLoader classLoader) {
        if (classLoader == null) {
            throw new IllegalArgumentException("EntityIndex.read needs a class loader, got null");
        }
        Enumeration<URL> resources;
        try {
            resources = classLoader.getResources(RESOURCE);
        } catch (IOException e) {
            throw new MappingException("Cannot list the entity index resources " + RESOURCE + ": " + e, e);
        }
        Set<String> names = new LinkedHashSet<>();
        while (resources.hasMoreElements()) {
            URL resource = resources.nextElement();
            try {
                names.addAll(read(resource));
            } catch (IOException e) {
                throw new MappingException("Cannot read the entity index " + resource + ": " + e, e);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Loads the indexed entity classes that a filter accepts, through the class loader that holds
     * the index: the one place the index becomes classes, for {@code new AsyncDatabase()} and the
     * Spring Boot starter alike. The classes are not initialized.
     *
     * <pre>{@code
     * List<Class<?>> blog = EntityIndex.load(loader, name -> name.startsWith("com.example.blog."));
     * }</pre>
     *
     * @param classLoader the class loader to read the index from and load the classes with, not null
     * @param accept which binary class names to load
     * @return the entity classes, in index order
     * @throws MappingException when an index resource cannot be read, or it lists a class that
     *                          cannot be loaded (the message says to rebuild)
     */
    public static List<Class<?>> load(ClassLoader classLoader, java.util.function.Predicate<String> accept) {
        if (accept == null) {
            throw new IllegalArgumentException("EntityIndex.load needs a filter of class names, got null; "
                    + "use name -> true for every entity");
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : read(classLoader)) {
            if (accept.test(name)) {
                try {
                    classes.add(Class.forName(name, false, classLoader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new MappingException("The entity index lists " + name + ", which cannot be loaded: "
                            + "rebuild the project so that the annotation processor rewrites " + RESOURCE, e);
                }
            }
        }
        return classes;
    }

    private static List<String> read(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        // a cached jar connection keeps the jar file open after a DevTools restart has dropped its class loader
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /**
     * Parses the text of an index.
     *
     * @param text the index text
     * @return the names in it, in order
     * @throws IOException when reading fails
     */
    static List<String> parse(Reader text) throws IOException {
        List<String> names = new ArrayList<>();
        BufferedReader lines = new BufferedReader(text);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Writes the text of an index.
     *
     * @param names the binary class names, in the order to write them
     * @param out where to write; closed on return
     * @throws IOException when writing fails
     */
    static void write(Collection<String> names, OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String name : names) {
                writer.write(name);
                writer.write('\n');
            }
        }
    }
}
