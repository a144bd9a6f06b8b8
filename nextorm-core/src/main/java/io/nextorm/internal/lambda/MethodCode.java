package io.nextorm.internal.lambda;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The instructions of one method, read from its class file with ASM's core visitor API. Jump targets
 * are instruction indexes; every instruction knows its source line.
 */
final class MethodCode {

    private final String className;
    private final String methodName;
    private final String descriptor;
    private final boolean isStatic;
    private final String sourceFile;
    private final List<Instruction> instructions;
    private final boolean catchesExceptions;

    private MethodCode(String className, String methodName, String descriptor, boolean isStatic, String sourceFile,
                       List<Instruction> instructions, boolean catchesExceptions) {
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.isStatic = isStatic;
        this.sourceFile = sourceFile;
        this.instructions = List.copyOf(instructions);
        this.catchesExceptions = catchesExceptions;
    }

    /**
     * Reads a method from the class file that a class loader finds for a class.
     *
     * @param loader the loader of the class
     * @param internalName the class, in internal form ({@code io/nextorm/Foo})
     * @param methodName the method
     * @param methodDescriptor its descriptor
     * @return the method's code, or null when the class file has no such method or cannot be found
     */
    static MethodCode read(ClassLoader loader, String internalName, String methodName, String methodDescriptor) {
        ClassLoader effective = loader != null ? loader : ClassLoader.getSystemClassLoader();
        byte[] bytes;
        try (InputStream in = effective.getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class file of " + internalName, e);
        }
        Reader reader = new Reader(internalName, methodName, methodDescriptor);
        new ClassReader(bytes).accept(reader, ClassReader.SKIP_FRAMES);
        return reader.result;
    }

    String className() {
        return className;
    }

    String methodName() {
        return methodName;
    }

    String descriptor() {
        return descriptor;
    }

    boolean isStatic() {
        return isStatic;
    }

    List<Instruction> instructions() {
        return instructions;
    }

    /**
     * Whether the method has exception handlers (try/catch, try/finally, synchronized), whose code
     * the symbolic execution would never reach.
     *
     * @return true when it has one
     */
    boolean catchesExceptions() {
        return catchesExceptions;
    }

    /**
     * Where a line of this method is, in the form of a stack trace element, which IDEs link to the
     * source: {@code com.example.Queries.lambda$recent$0(Queries.java:42)}.
     *
     * @param line the source line, or 0 when unknown
     * @return the location
     */
    String location(int line) {
        String file = sourceFile != null ? sourceFile : "Unknown Source";
        return className.replace('/', '.') + "." + methodName + "(" + file + (line > 0 ? ":" + line : "") + ")";
    }

    /**
     * Finds one method in a class file and records its instructions.
     */
    private static final class Reader extends ClassVisitor {

        private final String internalName;
        private final String methodName;
        private final String methodDescriptor;
        private String sourceFile;
        private MethodCode result;

        Reader(String internalName, String methodName, String methodDescriptor) {
            super(Opcodes.ASM9);
            this.internalName = internalName;
            this.methodName = methodName;
            this.methodDescriptor = methodDescriptor;
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (!name.equals(methodName) || !descriptor.equals(methodDescriptor)) {
                return null;
            }
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            return new Recorder((code, catches) -> result = new MethodCode(internalName, name, descriptor, isStatic,
                    sourceFile, code, catches));
        }
    }

    /**
     * Records the instructions of a method body.
     */
    private static final class Recorder extends MethodVisitor {

        private final BiConsumer<List<Instruction>, Boolean> done;
        private final List<Instruction> code = new ArrayList<>();
        private final Map<Label, Integer> labels = new HashMap<>();
        private final Map<Integer, Label> jumps = new HashMap<>();
        private int line;
        private boolean catchesExceptions;

        Recorder(BiConsumer<List<Instruction>, Boolean> done) {
            super(Opcodes.ASM9);
            this.done = done;
        }

        private void add(int opcode, int operand, String owner, String name, String descriptor, Object constant) {
            code.add(new Instruction(opcode, operand, owner, name, descriptor, constant, line));
        }

        @Override
        public void visitLabel(Label label) {
            labels.put(label, code.size());
        }

        @Override
        public void visitLineNumber(int lineNumber, Label start) {
            // ClassReader visits a line number right after its label, before the label's first instruction
            line = lineNumber;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            catchesExceptions = true;
        }

        @Override
        public void visitInsn(int opcode) {
            add(opcode, 0, null, null, null, null);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            add(opcode, operand, null, null, null, null);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            add(opcode, varIndex, null, null, null, null);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            add(opcode, 0, type, null, null, null);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            add(opcode, 0, owner, name, descriptor, null);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            add(opcode, 0, owner, name, descriptor, null);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
                                           Object... bootstrapMethodArguments) {
            add(Opcodes.INVOKEDYNAMIC, 0, bootstrapMethodHandle.getOwner(), name, descriptor,
                    bootstrapMethodArguments.clone());
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            jumps.put(code.size(), label);
            add(opcode, -1, null, null, null, null);
        }

        @Override
        public void visitLdcInsn(Object value) {
            add(Opcodes.LDC, 0, null, null, null, value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            add(Opcodes.IINC, varIndex, null, null, null, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            add(Opcodes.TABLESWITCH, 0, null, null, null, null);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            add(Opcodes.LOOKUPSWITCH, 0, null, null, null, null);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            add(Opcodes.MULTIANEWARRAY, numDimensions, descriptor, null, null, null);
        }

        @Override
        public void visitEnd() {
            List<Instruction> resolved = new ArrayList<>(code.size());
            for (int i = 0; i < code.size(); i++) {
                Label target = jumps.get(i);
                resolved.add(target == null ? code.get(i) : code.get(i).withTarget(labels.get(target)));
            }
            done.accept(resolved, catchesExceptions);
        }
    }
}
