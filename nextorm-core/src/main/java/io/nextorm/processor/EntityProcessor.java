package io.nextorm.processor;

import io.nextorm.internal.mapping.SupportedTypes;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
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
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final String LAZY = "io.nextorm.Lazy";
    private static final String SET = "java.util.Set";
    private static final String PROCESSOR = EntityProcessor.class.getName();

    private static final Map<String, String> BOXES = Map.of(
            "boolean", "java.lang.Boolean", "byte", "java.lang.Byte", "short", "java.lang.Short",
            "int", "java.lang.Integer", "long", "java.lang.Long", "char", "java.lang.Character",
            "float", "java.lang.Float", "double", "java.lang.Double");
    /** The first name of a qualified name: not preceded by a dot, followed by one. */
    private static final Pattern PACKAGE_ROOT = Pattern.compile("(?<![\\w$.\"])([A-Za-z_$][\\w$]*)\\.[A-Za-z_$]");

    private Elements elements;
    private Types types;
    private Filer filer;
    private Messager messager;

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
        filer = processingEnv.getFiler();
        messager = processingEnv.getMessager();
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
            writeIndex();
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
        List<Property> properties = new ArrayList<>();
        for (VariableElement field : fields) {
            TypeMirror type = types.asMemberOf((DeclaredType) entity.asType(), field);
            if (containsError(type)) {
                // another processor may still generate the type; if none does, javac reports it
                if (!lastRound) {
                    deferred.add(entity.getQualifiedName().toString());
                }
                return;
            }
            properties.add(property(entity, field, type));
        }
        if (hasNoObscuredPackage(entity, fields, properties)) {
            writeMetamodel(entity, properties);
        }
    }

    /**
     * The metamodel names every type by its qualified name; a field named like the first part of one
     * ({@code java}, {@code io}) would hide that package inside the metamodel class (JLS 6.4.2).
     */
    private boolean hasNoObscuredPackage(TypeElement entity, List<VariableElement> fields, List<Property> properties) {
        Set<String> packageRoots = new HashSet<>();
        for (Property property : properties) {
            Matcher matcher = PACKAGE_ROOT.matcher(property.declaredType() + " " + property.initializer());
            while (matcher.find()) {
                packageRoots.add(matcher.group(1));
            }
        }
        boolean valid = true;
        for (VariableElement field : fields) {
            String name = field.getSimpleName().toString();
            if (packageRoots.contains(name)) {
                error(field.getEnclosingElement() == entity ? field : entity, "Field " + name + " of @Entity "
                        + entity.getQualifiedName() + " has the name of the package " + name + " that its metamodel "
                        + metamodelName(entity) + " refers to, which the field would hide there; rename the field");
                valid = false;
            }
        }
        return valid;
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
                        + ": its metamodel " + metamodelName(entity) + " cannot reach it; make it package-private or public");
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

    /** One line of the metamodel. */
    private record Property(String name, String declaredType, String initializer, boolean unchecked, String javaType) {
    }

    private Property property(TypeElement entity, VariableElement field, TypeMirror fieldType) {
        String name = field.getSimpleName().toString();
        String owner = entity.getQualifiedName().toString();
        String head = owner + ".class, \"" + name + "\"";
        TypeMirror type = resolve(fieldType);
        if (type.getKind() == TypeKind.DECLARED && qualifiedName(type).equals(LAZY)) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            type = arguments.isEmpty() ? elements.getTypeElement("java.lang.Object").asType() : resolve(arguments.get(0));
        }
        String javaType = print(fieldType);
        if (type.getKind().isPrimitive()) {
            type = elements.getTypeElement(BOXES.get(type.getKind().name().toLowerCase())).asType();
        }
        String boxed = print(type);
        if (type.getKind() == TypeKind.DECLARED) {
            String qualified = qualifiedName(type);
            SupportedTypes.Kind kind = SupportedTypes.kindOf(qualified);
            if (kind == SupportedTypes.Kind.STRING) {
                return new Property(name, "io.nextorm.StringAttribute<" + owner + ">",
                        "new io.nextorm.StringAttribute<>(" + head + ")", false, javaType);
            }
            if (kind == SupportedTypes.Kind.BOOLEAN) {
                return new Property(name, "io.nextorm.BooleanAttribute<" + owner + ">",
                        "new io.nextorm.BooleanAttribute<>(" + head + ")", false, javaType);
            }
            if (kind == SupportedTypes.Kind.NUMBER) {
                return new Property(name, "io.nextorm.NumberAttribute<" + owner + ", " + boxed + ">",
                        "new io.nextorm.NumberAttribute<>(" + head + ", " + boxed + ".class)", false, javaType);
            }
            if (kind == SupportedTypes.Kind.COMPARABLE) {
                return new Property(name, "io.nextorm.ComparableAttribute<" + owner + ", " + boxed + ">",
                        "new io.nextorm.ComparableAttribute<>(" + head + ", " + boxed + ".class)", false, javaType);
            }
            if (isEntity(types.asElement(type))) {
                String target = print(types.erasure(type));
                return new Property(name, "io.nextorm.ReferenceAttribute<" + owner + ", " + target + ">",
                        "new io.nextorm.ReferenceAttribute<>(" + head + ", " + target + ".class)", false, javaType);
            }
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (qualified.equals(SET) && arguments.size() == 1) {
                TypeMirror element = resolve(arguments.get(0));
                if (element.getKind() == TypeKind.DECLARED && isEntity(types.asElement(element))) {
                    String target = print(types.erasure(element));
                    return new Property(name, "io.nextorm.SetAttribute<" + owner + ", " + target + ">",
                            "new io.nextorm.SetAttribute<>(" + head + ", " + target + ".class)", false, javaType);
                }
            }
        }
        String erased = print(types.erasure(type));
        boolean generic = !erased.equals(boxed);
        String classLiteral = generic
                ? "(java.lang.Class<" + boxed + ">) (java.lang.Class<?>) " + erased + ".class"
                : erased + ".class";
        return new Property(name, "io.nextorm.SingularAttribute<" + owner + ", " + boxed + ">",
                "new io.nextorm.SingularAttribute<>(" + head + ", " + classLiteral + ")", generic, javaType);
    }

    /** A type variable or wildcard replaced by its bound: the most a static field can say. */
    private TypeMirror resolve(TypeMirror type) {
        if (type.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) type).getExtendsBound();
            return bound == null ? elements.getTypeElement("java.lang.Object").asType() : resolve(bound);
        }
        if (type.getKind() == TypeKind.TYPEVAR || type.getKind() == TypeKind.INTERSECTION) {
            return types.erasure(type);
        }
        return type;
    }

    /** Source text of a type, fully qualified, without type annotations. */
    private String print(TypeMirror type) {
        switch (type.getKind()) {
            case ARRAY:
                return print(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED: {
                StringBuilder text = new StringBuilder(qualifiedName(type));
                List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
                if (!arguments.isEmpty()) {
                    text.append('<');
                    for (int i = 0; i < arguments.size(); i++) {
                        text.append(i == 0 ? "" : ", ").append(print(arguments.get(i)));
                    }
                    text.append('>');
                }
                return text.toString();
            }
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + print(wildcard.getExtendsBound());
                }
                return wildcard.getSuperBound() != null ? "? super " + print(wildcard.getSuperBound()) : "?";
            }
            case TYPEVAR:
            case INTERSECTION:
                return print(types.erasure(type));
            default:
                return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase() : type.toString();
        }
    }

    private String qualifiedName(TypeMirror declared) {
        return ((TypeElement) types.asElement(declared)).getQualifiedName().toString();
    }

    private static boolean isEntity(Element element) {
        if (element == null) {
            return false;
        }
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().contentEquals(ENTITY)) {
                return true;
            }
        }
        return false;
    }

    private static String metamodelName(TypeElement entity) {
        List<String> names = new ArrayList<>();
        for (Element type = entity; type instanceof TypeElement; type = type.getEnclosingElement()) {
            names.add(0, type.getSimpleName().toString());
        }
        return String.join("_", names) + "_";
    }

    private void writeMetamodel(TypeElement entity, List<Property> properties) {
        String packageName = elements.getPackageOf(entity).getQualifiedName().toString();
        String simpleName = metamodelName(entity);
        String qualifiedName = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        String entityName = entity.getQualifiedName().toString();
        StringBuilder source = new StringBuilder();
        source.append("// Generated by ").append(PROCESSOR).append(" from ").append(entityName).append(". Do not edit.\n");
        if (!packageName.isEmpty()) {
            source.append("package ").append(packageName).append(";\n");
        }
        source.append("\n/**\n * The metamodel of {@link ").append(entityName).append("}: one attribute per persistent field,\n")
                .append(" * for conditions, orderings and assignments.\n */\n")
                .append("public final class ").append(simpleName).append(" {\n");
        for (Property property : properties) {
            source.append("\n    /** The {@code ").append(property.name()).append("} field ({@code ")
                    .append(property.javaType()).append("}). */\n");
            if (property.unchecked()) {
                source.append("    @SuppressWarnings(\"unchecked\")\n");
            }
            source.append("    public static final ").append(property.declaredType()).append(' ').append(property.name())
                    .append("\n            = ").append(property.initializer()).append(";\n");
        }
        source.append("\n    private ").append(simpleName).append("() {\n    }\n}\n");
        try {
            JavaFileObject file = filer.createSourceFile(qualifiedName, entity);
            try (Writer writer = file.openWriter()) {
                writer.write(source.toString());
            }
        } catch (IOException e) {
            error(entity, "Cannot write the metamodel " + qualifiedName + " of @Entity " + entityName + ": " + e.getMessage());
        }
    }

    private void writeIndex() {
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
            if (isEntity(elements.getTypeElement(name.replace('$', '.')))) {
                names.add(name);
            }
        }
        return true;
    }

    private void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
