package io.nextorm.internal.execution;

import io.nextorm.Lazy;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.r2dbc.spi.Readable;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * Generates, per entity, a {@link GeneratedColumns} subclass whose {@code fill} reads each eager
 * column with {@code row.get(index, ConstantClass)} and writes the field with {@code putfield}: no
 * method handle per field, so the JIT inlines the whole row. The class is a hidden class in the
 * entity's package and nest (through the same private lookup the property handles come from), so it
 * reaches private and package-private fields. A property it cannot reach in line (a private field
 * of a superclass in another nest, a field type it cannot name) is written through its property
 * model; when the class cannot be made at all (a lookup without full privilege, a class loader that
 * does not see nextorm), {@link #generate} returns null and the mapper keeps its method handles.
 * Setting the system property {@value #ENABLED_PROPERTY} to {@code false} turns generation off.
 */
final class ColumnFillerGenerator {

    /** The system property that turns generated mappers off when {@code false}. */
    static final String ENABLED_PROPERTY = "nextorm.mapper.generated";

    private static final String BASE = Type.getInternalName(GeneratedColumns.class);
    private static final String READABLE = Type.getInternalName(Readable.class);
    private static final String FILL = "(Ljava/lang/Object;L" + READABLE + ";L"
            + Type.getInternalName(EntityLoader.class) + ";Ljava/lang/Object;)V";
    private static final String INIT = Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Dialect.class),
            Type.getType(Class[].class), Type.getType(PropertyModel[].class), Type.getType(PropertyModel[].class));
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(long.class, Long.class, int.class, Integer.class,
            short.class, Short.class, byte.class, Byte.class, boolean.class, Boolean.class, double.class, Double.class,
            float.class, Float.class, char.class, Character.class);
    private static final int ENTITY = 1;
    private static final int ROW = 2;
    private static final int LOADER = 3;
    private static final int ID = 4;
    private static final int VALUE = 5;
    /**
     * Dead bytes after {@code fill}'s return that put it above HotSpot's limit for inlining a hot
     * method (FreqInlineSize, 325 bytes by default), so that it is compiled on its own: inlined into
     * the deep reactive chain that calls it, its per-column driver calls made the compilation so large
     * that escape analysis left the driver's per-column iterators (about 160 bytes a row) on the heap.
     */
    static final int NOT_INLINED_PADDING = 330;

    private ColumnFillerGenerator() {
    }

    /**
     * Whether generation is on (the default).
     *
     * @return false when the system property says {@code false}
     */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY));
    }

    /**
     * Generates the filler of an entity's eager columns.
     *
     * @param model the entity
     * @param dialect the dialect whose conversions apply
     * @param columns the eager columns, in row order
     * @param readTypes the class each column is read with
     * @param valueTypes the Java type of each column's value
     * @param idIndex the key's column index
     * @return the filler, or null when it cannot be generated
     */
    static GeneratedColumns generate(EntityModel<?> model, Dialect dialect, PropertyModel[] columns,
                                     Class<?>[] readTypes, Class<?>[] valueTypes, int idIndex) {
        Class<?> entity = model.type();
        PropertyModel[] lazies = model.lazies().toArray(new PropertyModel[0]);
        try {
            if (!seesNextorm(entity.getClassLoader())) {
                return null;
            }
            for (Class<?> readType : readTypes) {
                if (!nameable(entity, readType)) {
                    return null;
                }
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(entity, MethodHandles.lookup());
            byte[] bytes = classBytes(entity, columns, readTypes, valueTypes, idIndex, lazies);
            Class<?> filler = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE)
                    .lookupClass();
            return (GeneratedColumns) lookup.findConstructor(filler, MethodType.fromMethodDescriptorString(INIT, null))
                    .invoke(dialect, valueTypes, columns, lazies);
        } catch (Throwable e) {
            return null;
        }
    }

    private static byte[] classBytes(Class<?> entity, PropertyModel[] columns, Class<?>[] readTypes,
                                     Class<?>[] valueTypes, int idIndex, PropertyModel[] lazies) throws NoSuchFieldException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
        String name = Type.getInternalName(entity) + "$NextormColumns";
        writer.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, BASE, null);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", INIT, null, null);
        init.visitCode();
        for (int local = 0; local <= 4; local++) {
            init.visitVarInsn(Opcodes.ALOAD, local);
        }
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, BASE, "<init>", INIT, false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor fill = writer.visitMethod(Opcodes.ACC_PUBLIC, "fill", FILL, null, null);
        fill.visitCode();
        for (int i = 0; i < columns.length; i++) {
            column(fill, entity, columns[i], i, i == idIndex, readTypes[i], valueTypes[i]);
        }
        for (int i = 0; i < lazies.length; i++) {
            lazy(fill, entity, lazies[i], i);
        }
        fill.visitInsn(Opcodes.RETURN);
        for (int i = 0; i < NOT_INLINED_PADDING; i++) {
            fill.visitInsn(Opcodes.NOP);
        }
        fill.visitMaxs(0, 0);
        fill.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void column(MethodVisitor code, Class<?> entity, PropertyModel column, int index, boolean isId,
                               Class<?> readType, Class<?> valueType) throws NoSuchFieldException {
        if (isId) {
            code.visitVarInsn(Opcodes.ALOAD, ID);
        } else {
            code.visitVarInsn(Opcodes.ALOAD, ROW);
            push(code, index);
            code.visitLdcInsn(Type.getType(readType));
            code.visitMethodInsn(Opcodes.INVOKEINTERFACE, READABLE, "get", "(ILjava/lang/Class;)Ljava/lang/Object;", true);
        }
        code.visitVarInsn(Opcodes.ASTORE, VALUE);
        if (!isId) {
            convert(code, index, nameable(entity, valueType) ? valueType : null);
        }
        if (column.kind() == PropertyKind.REFERENCE) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, LOADER);
            code.visitVarInsn(Opcodes.ALOAD, VALUE);
            push(code, index);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, "reference",
                    "(L" + Type.getInternalName(EntityLoader.class) + ";Ljava/lang/Object;I)Ljava/lang/Object;", false);
            code.visitVarInsn(Opcodes.ASTORE, VALUE);
        }
        if (reachable(entity, column)) {
            put(code, column);
        } else {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, ENTITY);
            code.visitVarInsn(Opcodes.ALOAD, VALUE);
            push(code, index);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, "set", "(Ljava/lang/Object;Ljava/lang/Object;I)V", false);
        }
    }

    /**
     * As {@code Dialect.fromDatabase}, which returns a value already of its type as it is: that test
     * is made in line with the constant class (numbers, read as the driver's type, mostly pass it).
     */
    private static void convert(MethodVisitor code, int index, Class<?> inlineCheck) {
        Label done = new Label();
        if (inlineCheck != null) {
            code.visitVarInsn(Opcodes.ALOAD, VALUE);
            code.visitJumpInsn(Opcodes.IFNULL, done);
            code.visitVarInsn(Opcodes.ALOAD, VALUE);
            code.visitTypeInsn(Opcodes.INSTANCEOF, Type.getInternalName(inlineCheck));
            code.visitJumpInsn(Opcodes.IFNE, done);
        }
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitVarInsn(Opcodes.ALOAD, VALUE);
        push(code, index);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, "convert", "(Ljava/lang/Object;I)Ljava/lang/Object;", false);
        code.visitVarInsn(Opcodes.ASTORE, VALUE);
        code.visitLabel(done);
    }

    /** A field write as {@link PropertyModel#set}: null leaves a primitive at its default. */
    private static void put(MethodVisitor code, PropertyModel property) {
        String owner = Type.getInternalName(property.owner());
        Class<?> fieldType = property.fieldType();
        Label skip = new Label();
        if (fieldType.isPrimitive()) {
            code.visitVarInsn(Opcodes.ALOAD, VALUE);
            code.visitJumpInsn(Opcodes.IFNULL, skip);
        }
        code.visitVarInsn(Opcodes.ALOAD, ENTITY);
        code.visitTypeInsn(Opcodes.CHECKCAST, owner);
        code.visitVarInsn(Opcodes.ALOAD, VALUE);
        if (fieldType.isPrimitive()) {
            String box = Type.getInternalName(BOXES.get(fieldType));
            code.visitTypeInsn(Opcodes.CHECKCAST, box);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, fieldType.getName() + "Value",
                    "()" + Type.getDescriptor(fieldType), false);
        } else if (fieldType != Object.class) {
            code.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(fieldType));
        }
        code.visitFieldInsn(Opcodes.PUTFIELD, owner, property.name(), Type.getDescriptor(fieldType));
        code.visitLabel(skip);
    }

    private static void lazy(MethodVisitor code, Class<?> entity, PropertyModel lazy, int index) throws NoSuchFieldException {
        if (reachable(entity, lazy) && lazy.fieldType() == Lazy.class) {
            code.visitVarInsn(Opcodes.ALOAD, ENTITY);
            code.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(lazy.owner()));
            code.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(Lazy.class), "notLoaded",
                    "()" + Type.getDescriptor(Lazy.class), false);
            code.visitFieldInsn(Opcodes.PUTFIELD, Type.getInternalName(lazy.owner()), lazy.name(),
                    Type.getDescriptor(Lazy.class));
        } else {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, ENTITY);
            push(code, index);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, "unloadLazy", "(Ljava/lang/Object;I)V", false);
        }
    }

    /**
     * Whether a class in the entity's package and nest may name the property's class and type and
     * write its field, by the JVM's access rules (a nested class's access is that of its class file).
     */
    private static boolean reachable(Class<?> entity, PropertyModel property) throws NoSuchFieldException {
        Class<?> owner = property.owner();
        Field field = owner.getDeclaredField(property.name());
        int modifiers = field.getModifiers();
        if (Modifier.isFinal(modifiers) || !nameable(entity, owner)
                || !(property.fieldType().isPrimitive() || nameable(entity, property.fieldType()))) {
            return false;
        }
        if (Modifier.isPublic(modifiers)) {
            return true;
        }
        if (Modifier.isPrivate(modifiers)) {
            return owner.getNestHost() == entity.getNestHost();
        }
        return samePackage(entity, owner);
    }

    private static boolean nameable(Class<?> entity, Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return true;
        }
        if (!visible(entity, element)) {
            return false;
        }
        if (samePackage(entity, element)) {
            return true;
        }
        for (Class<?> c = element; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePackage(Class<?> a, Class<?> b) {
        return a.getClassLoader() == b.getClassLoader() && a.getPackageName().equals(b.getPackageName());
    }

    private static boolean visible(Class<?> entity, Class<?> type) {
        if (type.isPrimitive()) {
            return true;
        }
        try {
            return Class.forName(type.getName(), false, entity.getClassLoader()) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean seesNextorm(ClassLoader loader) {
        for (Class<?> used : List.of(GeneratedColumns.class, EntityLoader.class, Readable.class, Lazy.class)) {
            try {
                if (Class.forName(used.getName(), false, loader) != used) {
                    return false;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    private static void push(MethodVisitor code, int value) {
        if (value <= 5) {
            code.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            code.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            code.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }
}
