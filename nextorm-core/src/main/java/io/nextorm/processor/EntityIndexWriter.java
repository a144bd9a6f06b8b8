package io.nextorm.processor;

import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the entity index resource at the end of a compilation, merging the entries of an earlier incremental one.
 */
final class EntityIndexWriter {

    private final Elements elements;
    private final Filer filer;
    private final Messager messager;

    EntityIndexWriter(ProcessingEnvironment environment) {
        this.elements = environment.getElementUtils();
        this.filer = environment.getFiler();
        this.messager = environment.getMessager();
    }

    /**
     * Writes the index of the given entities plus the still-valid entries of a previous index.
     *
     * @param indexed binary names of the entities seen in this compilation
     */
    void writeIndex(Set<String> indexed) {
        Set<String> names = new TreeSet<>(indexed);
        boolean hadIndex = readPreviousIndex(names);
        if (names.isEmpty() && !hadIndex) {
            return;
        }
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", EntityIndex.RESOURCE);
            EntityIndex.write(names, file.openOutputStream());
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "Cannot write the entity index " + EntityIndex.RESOURCE
                    + ": " + e.getMessage());
        }
    }

    /**
     * Adds the entries of the index left by an earlier compilation into the same output whose classes
     * are still entities: an incremental build compiles only some of them.
     */
    private boolean readPreviousIndex(Set<String> names) {
        List<String> previous;
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", EntityIndex.RESOURCE);
            try (Reader reader = new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8)) {
                previous = EntityIndex.parse(reader);
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            // no previous index, or a Filer that cannot read its output: nothing to merge
            return false;
        }
        for (String name : previous) {
            if (MetamodelWriter.isEntity(elements.getTypeElement(name.replace('$', '.')))) {
                names.add(name);
            }
        }
        return true;
    }
}
