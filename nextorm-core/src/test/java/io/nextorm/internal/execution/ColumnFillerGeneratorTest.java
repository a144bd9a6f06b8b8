package io.nextorm.internal.execution;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.dialect.H2Dialect;
import io.nextorm.internal.mapping.Mapping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a generated row mapper is made, and that the method-handle mapper stands in where it cannot be. */
class ColumnFillerGeneratorTest {

    @Entity(table = "cfg_plain")
    public static class Plain {
        @PrimaryKey
        private Long id;
        private String name;
    }

    @Test
    void anEntityOfTheSameClassLoaderGetsAGeneratedMapper() {
        assertThat(new EntityRowMapper<>(Mapping.build(List.of(Plain.class), true).entity(Plain.class), new H2Dialect())
                .isGenerated()).isTrue();
    }

    @Test
    void theSwitchTurnsGenerationOff() {
        assertThat(new EntityRowMapper<>(Mapping.build(List.of(Plain.class), true).entity(Plain.class), new H2Dialect(),
                false).isGenerated()).isFalse();
    }

    @Test
    void anEntityOfAnotherClassLoaderFallsBackToTheHandles() throws ClassNotFoundException {
        // a child-first loader (as a development restart loader) puts the entity in another unnamed
        // module: the private lookup loses full privilege, so no hidden class can be defined beside it
        Class<?> isolated = new ChildFirst(IsolatedEntity.class.getName(), getClass().getClassLoader())
                .loadClass(IsolatedEntity.class.getName());
        assertThat(isolated).isNotSameAs(IsolatedEntity.class);

        EntityRowMapper<?> mapper = new EntityRowMapper<>(Mapping.build(List.of(isolated), true).entity(isolated),
                new H2Dialect());

        assertThat(mapper.isGenerated()).isFalse();
        assertThat(mapper.idIndex()).isZero();
    }

    /** Loads one class itself and delegates every other. */
    private static final class ChildFirst extends ClassLoader {
        private final String own;

        ChildFirst(String own, ClassLoader parent) {
            super(parent);
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(own)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }
        }
    }
}
