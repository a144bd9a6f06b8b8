package io.nextorm.internal.lambda;

import org.objectweb.asm.Opcodes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.regex.Pattern;

/**
 * The names of JVM opcodes ({@code INSTANCEOF}, {@code IF_ICMPLT}), for error messages. Read once
 * from the constants of ASM's {@link Opcodes}, whose opcode constants are named like the instructions.
 */
final class Mnemonics {

    private static final Pattern NOT_AN_OPCODE = Pattern.compile("ACC_.*|T_.*|H_.*|F_.*|V\\d.*|V_.*|ASM\\d.*|SOURCE_.*");
    private static final String[] NAMES = read();

    private Mnemonics() {
    }

    /**
     * The name of an opcode.
     *
     * @param opcode the opcode
     * @return its mnemonic, or {@code opcode 203} for an unknown one
     */
    static String of(int opcode) {
        String name = opcode >= 0 && opcode < NAMES.length ? NAMES[opcode] : null;
        return name != null ? name : "opcode " + opcode;
    }

    private static String[] read() {
        String[] names = new String[256];
        for (Field field : Opcodes.class.getFields()) {
            if (field.getType() != int.class || !Modifier.isStatic(field.getModifiers())
                    || NOT_AN_OPCODE.matcher(field.getName()).matches()) {
                continue;
            }
            try {
                int value = field.getInt(null);
                if (value >= 0 && value < names.length) {
                    names[value] = field.getName();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
