package io.nextorm.processor;

import io.nextorm.internal.mapping.SupportedTypes;

import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the metamodel class {@code Outer_Inner_} of one entity: one typed attribute per persistent field.
 */
final class MetamodelWriter {

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

    private final Elements elements;
    private final Types types;
    private final Filer filer;
    private final Messager messager;

    MetamodelWriter(ProcessingEnvironment environment) {
        this.elements = environment.getElementUtils();
        this.types = environment.getTypeUtils();
        this.filer = environment.getFiler();
        this.messager = environment.getMessager();
    }

    /**
     * The metamodel names every type by its qualified name; a field named like the first part of one
     * ({@code java}, {@code io}) would hide that package inside the metamodel class (JLS 6.4.2).
     */
    boolean hasNoObscuredPackage(TypeElement entity, List<VariableElement> fields, List<Property> properties) {
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

    /** One line of the metamodel. */
    record Property(String name, String declaredType, String initializer, boolean unchecked, String javaType) {
    }

    Property property(TypeElement entity, VariableElement field, TypeMirror fieldType) {
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

    void writeMetamodel(TypeElement entity, List<Property> properties) {
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

    static boolean isEntity(Element element) {
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

    static String metamodelName(TypeElement entity) {
        List<String> names = new ArrayList<>();
        for (Element type = entity; type instanceof TypeElement; type = type.getEnclosingElement()) {
            names.add(0, type.getSimpleName().toString());
        }
        return String.join("_", names) + "_";
    }

    private void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
