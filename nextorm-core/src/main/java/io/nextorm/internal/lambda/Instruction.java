package io.nextorm.internal.lambda;

/**
 * One bytecode instruction of a lambda body, as read by {@link MethodCode}: its opcode and whichever
 * operands it has, and the source line it belongs to.
 *
 * @param opcode the JVM opcode
 * @param operand the int operand: the value of BIPUSH/SIPUSH, the local variable of a load, store or
 *                IINC, the instruction index a jump goes to
 * @param owner the internal name of the class of a field or method instruction, or the type of a type
 *              instruction
 * @param name the field or method name
 * @param descriptor the field or method descriptor
 * @param constant the constant of LDC, or the increment of IINC
 * @param line the source line, or 0 when the class has no line numbers
 */
record Instruction(int opcode, int operand, String owner, String name, String descriptor, Object constant,
                   int line) {

    Instruction withTarget(int target) {
        return new Instruction(opcode, target, owner, name, descriptor, constant, line);
    }
}
