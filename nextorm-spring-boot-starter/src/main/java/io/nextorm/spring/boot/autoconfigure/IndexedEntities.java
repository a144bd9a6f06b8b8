package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.processor.EntityIndex;

import java.util.Collection;
import java.util.List;

/**
 * The entity classes of some packages, found through the entity index that nextorm's annotation
 * processor writes at compile time: no class path scanning at startup.
 *
 * <p>Each call reads the index of the class loader it is given and loads the classes through it,
 * keeping nothing in static state, so a Spring DevTools restart (a new class loader) maps the
 * reloaded classes.
 */
final class IndexedEntities {

    private IndexedEntities() {
    }

    /**
     * Loads the indexed entity classes that lie in one of the packages or their subpackages.
     *
     * @param classLoader the class loader to read the index from and load the classes with
     * @param packages package names; empty for every indexed entity
     * @return the entity classes, in index order
     * @throws io.nextorm.MappingException when the index lists a class that cannot be loaded
     */
    static List<Class<?>> in(ClassLoader classLoader, Collection<String> packages) {
        return EntityIndex.load(classLoader, name -> packages.isEmpty()
                || packages.stream().anyMatch(pkg -> isInPackage(name, pkg)));
    }

    private static boolean isInPackage(String className, String packageName) {
        String prefix = packageName.strip();
        return prefix.isEmpty() || className.startsWith(prefix + ".");
    }
}
