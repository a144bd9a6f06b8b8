package io.nextorm.processor;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates the metamodel of each {@link io.nextorm.annotation.Entity @Entity} class and the entity
 * index, at compile time.
 *
 * <pre>{@code
 * @Entity
 * public class Article {
 *     @PrimaryKey Long id;
 *     String title;
 *     Author author;
 * }
 * // generated beside it:
 * public final class Article_ {
 *     public static final NumberAttribute<Article, Long> id = new NumberAttribute<>(Article.class, "id", Long.class);
 *     public static final StringAttribute<Article> title = new StringAttribute<>(Article.class, "title");
 *     public static final ReferenceAttribute<Article, Author> author = ...;
 * }
 * }</pre>
 *
 * <p>The metamodel of a nested entity {@code Outer.Inner} is {@code Outer_Inner_}. It has one
 * attribute per persistent field (every field that is neither static nor transient, the
 * superclasses' first), typed by the field's type: {@code String} gives a
 * {@link io.nextorm.StringAttribute}, {@code boolean} a {@link io.nextorm.BooleanAttribute}, numbers
 * a {@link io.nextorm.NumberAttribute}, dates, times and UUIDs a
 * {@link io.nextorm.ComparableAttribute}, another entity a {@link io.nextorm.ReferenceAttribute}, a
 * {@code Set} of entities a {@link io.nextorm.SetAttribute}, anything else (enums, {@code byte[]}) a
 * {@link io.nextorm.SingularAttribute}; a {@code Lazy<T>} field is typed by its {@code T}.
 *
 * <p>At the end of the compilation it writes {@value EntityIndex#RESOURCE} (see {@link EntityIndex}),
 * keeping the entries of an earlier, incremental compilation whose classes are still entities.
 *
 * <p>Mistakes that would only show at run time are compile errors on the class: an {@code @Entity}
 * that is an interface, enum, record or abstract class, an inner (non-static), private or generic
 * class, or one without a non-private no-argument constructor.
 *
 * <p>Registered as a service, so javac runs it when nextorm-core is on the class path; on JDK 23 and
 * later javac runs such processors only with {@code -proc:full} or when the processor path names it.
 */
public final class EntityProcessor extends AbstractProcessor {

    private static final String ANNOTATIONS = "io.nextorm.annotation.*";
    private static final String ENTITY = "io.nextorm.annotation.Entity";


    private Elements elements;
    private Types types;
    private Messager messager;
    private MetamodelWriter metamodel;
    private EntityIndexWriter indexWriter;

    /** Binary names of the entities seen in this compilation. */
    private final Set<String> indexed = new TreeSet<>();
    /** Entities whose field types were not yet resolved (made by another processor's later round). */
    private final Set<String> deferred = new LinkedHashSet<>();

    /**
     * Creates the processor; javac does this through the service registration.
     */
    public EntityProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        elements = processingEnv.getElementUtils();
        types = processingEnv.getTypeUtils();
        messager = processingEnv.getMessager();
        metamodel = new MetamodelWriter(processingEnv);
        indexWriter = new EntityIndexWriter(processingEnv);
    }

    /**
     * {@inheritDoc}
     *
     * <p>All of nextorm's annotations, which it claims: with {@code -Xlint:all}, javac warns about
     * annotations that no processor claims, and {@code -Werror} would turn that into an error.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATIONS);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> entities = new ArrayList<>();
        for (String name : deferred) {
            TypeElement entity = elements.getTypeElement(name);
            if (entity != null) {
                entities.add(entity);
            }
        }
        deferred.clear();
        TypeElement annotation = elements.getTypeElement(ENTITY);
        if (annotation != null) {
            entities.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
        }
        for (TypeElement entity : entities) {
            processEntity(entity, round.processingOver());
        }
        if (round.processingOver()) {
            indexWriter.writeIndex(indexed);
        }
        // nextorm's annotations are nextorm's: claiming them keeps -Xlint:processing quiet
        return true;
    }

    private void processEntity(TypeElement entity, boolean lastRound) {
        if (!isValidEntity(entity)) {
            return;
        }
        indexed.add(elements.getBinaryName(entity).toString());
        List<VariableElement> fields = persistentFields(entity);
        if (fields == null) {
            return;
        }
        List<MetamodelWriter.Property> properties = new ArrayList<>();
        for (VariableElement field : fields) {
            TypeMirror type = types.asMemberOf((DeclaredType) entity.asType(), field);
            if (containsError(type)) {
                // another processor may still generate the type; if none does, javac reports it
                if (!lastRound) {
                    deferred.add(entity.getQualifiedName().toString());
                }
                return;
            }
            properties.add(metamodel.property(entity, field, type));
        }
        if (metamodel.hasNoObscuredPackage(entity, fields, properties)) {
            metamodel.writeMetamodel(entity, properties);
        }
    }

    private boolean isValidEntity(TypeElement entity) {
        String name = entity.getQualifiedName().toString();
        if (entity.getKind() != ElementKind.CLASS) {
            error(entity, "@Entity " + name + " is " + describe(entity.getKind())
                    + ": an entity must be a concrete class with a no-arg constructor");
            return false;
        }
        boolean valid = true;
        boolean reachable = true;
        if (entity.getModifiers().contains(Modifier.ABSTRACT)) {
            error(entity, "@Entity " + name + " is abstract: an entity must be a concrete class with a no-arg constructor;"
                    + " move the shared fields to a superclass without @Entity");
            valid = false;
        }
        if (entity.getNestingKind() == NestingKind.MEMBER && !entity.getModifiers().contains(Modifier.STATIC)) {
            error(entity, "@Entity " + name + " is an inner class: declare it static");
            valid = false;
        } else if (entity.getNestingKind() == NestingKind.LOCAL || entity.getNestingKind() == NestingKind.ANONYMOUS) {
            error(entity, "@Entity " + name + " is a local class: declare it top-level or as a static nested class");
            return false;
        }
        for (Element type = entity; type instanceof TypeElement; type = type.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                error(entity, "@Entity " + name + " is private" + (type == entity ? "" : " (inside the private " + type + ")")
                        + ": its metamodel " + MetamodelWriter.metamodelName(entity) + " cannot reach it; make it package-private or public");
                valid = false;
                reachable = false;
                break;
            }
        }
        if (!entity.getTypeParameters().isEmpty()) {
            error(entity, "@Entity " + name + " is generic: an entity class cannot have type parameters;"
                    + " put them on a superclass and extend it with concrete types");
            valid = false;
        }
        ExecutableElement noArgs = null;
        for (ExecutableElement constructor : ElementFilter.constructorsIn(entity.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                noArgs = constructor;
            }
        }
        if (noArgs == null) {
            error(entity, "@Entity " + name + " has no no-arg constructor: nextorm creates the objects it loads"
                    + " with one; add public " + entity.getSimpleName() + "() {}");
            valid = false;
        } else if (reachable && noArgs.getModifiers().contains(Modifier.PRIVATE)) {
            // not for a private class, whose implicit constructor is private too: one error is enough
            error(noArgs, "@Entity " + name + " has a private no-arg constructor: nextorm creates the objects it loads"
                    + " with it; make it public");
            valid = false;
        }
        return valid;
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ANNOTATION_TYPE -> "an annotation type";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            default -> "a " + kind.name().toLowerCase();
        };
    }

    /** The fields of the class and its superclasses, the superclasses' first; null after an error. */
    private List<VariableElement> persistentFields(TypeElement entity) {
        Deque<TypeElement> hierarchy = new ArrayDeque<>();
        for (TypeElement type = entity; type != null; type = superclass(type)) {
            hierarchy.push(type);
        }
        List<VariableElement> fields = new ArrayList<>();
        Map<String, VariableElement> byName = new HashMap<>();
        boolean valid = true;
        for (TypeElement type : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
                    continue;
                }
                String name = field.getSimpleName().toString();
                VariableElement hidden = byName.put(name, field);
                if (hidden != null) {
                    error(type == entity ? field : entity, "Field " + name + " of " + type.getQualifiedName()
                            + " hides the persistent field " + name + " of " + hidden.getEnclosingElement()
                            + ": the @Entity " + entity.getQualifiedName() + " would map two columns to one name; rename one");
                    valid = false;
                }
                fields.add(field);
            }
        }
        return valid ? fields : null;
    }

    private TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) types.asElement(superclass);
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private boolean containsError(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> containsError(((ArrayType) type).getComponentType());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(this::containsError);
            default -> false;
        };
    }

    private void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
