package io.nextorm.internal.lambda;

import io.nextorm.Lazy;
import io.nextorm.UnsupportedPredicateException;
import io.nextorm.internal.lambda.ConditionTemplate.Fixed;
import io.nextorm.internal.lambda.ExpressionTemplate.Calculation;
import io.nextorm.internal.lambda.ExpressionTemplate.Captured;
import io.nextorm.internal.lambda.ExpressionTemplate.CapturedField;
import io.nextorm.internal.lambda.ExpressionTemplate.Constant;
import io.nextorm.internal.lambda.ExpressionTemplate.Property;
import io.nextorm.internal.lambda.ExpressionTemplate.SqlFunction;
import io.nextorm.internal.lambda.StackValue.ComparisonResult;
import io.nextorm.internal.lambda.StackValue.EntityParameter;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.Arithmetic;
import io.nextorm.query.Comparison;
import io.nextorm.query.FunctionCall;
import org.objectweb.asm.Type;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.objectweb.asm.Opcodes.*;

/**
 * Executes a lambda body symbolically and returns the condition it computes.
 *
 * <p>Values on the abstract stack are {@link StackValue}s. Straight-line code transforms them (a
 * getter call on the entity parameter becomes a property, {@code LMUL} an arithmetic expression);
 * each conditional jump forks the execution into a {@link Decision.Branch} whose two sides are
 * executed in turn, and each {@code IRETURN} ends a path with an {@link Decision.Outcome}. Paths
 * that reach the same instruction in the same state are executed once. Jumps only go forward
 * (a backward jump is a loop, which is refused), so the execution ends.
 */
final class BytecodeInterpreter {

    private static final int MAX_STEPS = 50_000;
    private static final Type OBJECT = Type.getType(Object.class);
    private static final Type STRING = Type.getType(String.class);
    private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte", "java/lang/Double", "java/lang/Float", "java/lang/Boolean", "java/lang/Character");
    private static final Comparison.Operator[] JUMP_OPERATORS = {Comparison.Operator.EQ, Comparison.Operator.NE,
            Comparison.Operator.LT, Comparison.Operator.GE, Comparison.Operator.GT, Comparison.Operator.LE};
    private static final Arithmetic.Operator[] ARITHMETIC = {Arithmetic.Operator.ADD, Arithmetic.Operator.SUBTRACT,
            Arithmetic.Operator.MULTIPLY, Arithmetic.Operator.DIVIDE, Arithmetic.Operator.MODULO};
    private static final Type[] NUMBER_TYPES = {Type.INT_TYPE, Type.LONG_TYPE, Type.FLOAT_TYPE, Type.DOUBLE_TYPE};

    private final MethodCode code;
    private final Mapping mapping;
    private final Class<?> root;
    private final ClassLoader loader;
    private final Map<State, Decision> executed = new HashMap<>();
    private int steps;
    private final QueryLanguageCalls language = new QueryLanguageCalls(this);

    /**
     * Prepares the execution of one method.
     *
     * @param code the method: a lambda body or the target of a method reference
     * @param mapping the entity mapping, for properties
     * @param root the entity the lambda's parameter stands for
     * @param loader the class loader of the lambda, for the classes its code names
     */
    BytecodeInterpreter(MethodCode code, Mapping mapping, Class<?> root, ClassLoader loader) {
        this.code = code;
        this.mapping = mapping;
        this.root = root;
        this.loader = loader;
    }

    /**
     * Executes the method.
     *
     * @param capturedCount how many arguments the lambda captured ({@code this} included)
     * @return the condition under which the method returns true
     * @throws UnsupportedPredicateException at the first construct without an SQL translation
     */
    ConditionTemplate interpret(int capturedCount) {
        List<StackValue> locals = new ArrayList<>();
        int captured = 0;
        if (!code.isStatic()) {
            locals.add(new Captured(captured++, Type.getObjectType(code.className())));
        }
        Type[] parameters = Type.getArgumentTypes(code.descriptor());
        Instruction first = code.instructions().get(0);
        if (parameters.length != capturedCount - captured + 1
                || Type.getReturnType(code.descriptor()).getSort() != Type.BOOLEAN) {
            throw unsupported(first, "its implementation " + code.methodName() + code.descriptor()
                    + " is not a boolean method of the entity and the captured values");
        }
        if (code.catchesExceptions()) {
            throw unsupported(first, "it catches exceptions (try/catch, try/finally or synchronized)");
        }
        for (int i = 0; i < parameters.length; i++) {
            locals.add(i < parameters.length - 1 ? new Captured(captured++, parameters[i]) : new EntityParameter(root));
            if (parameters[i].getSize() == 2) {
                locals.add(null);
            }
        }
        return Decision.toCondition(run(0, new Frame(new ArrayList<>(), locals)));
    }

    /**
     * Executes a lambda nested in the lambda ({@code s -> s.getGpa() > 3} of {@code anyMatch}), whose
     * parameter is an element of a relation and whose captured values are values of the outer lambda.
     *
     * @param captured the values it captured, in order (the receiver first for an instance method)
     * @return the condition on the element
     */
    ConditionTemplate interpretNested(List<StackValue> captured) {
        List<StackValue> locals = new ArrayList<>();
        Type[] parameters = Type.getArgumentTypes(code.descriptor());
        Instruction first = code.instructions().get(0);
        int expected = parameters.length - 1 + (code.isStatic() ? 0 : 1);
        if (expected != captured.size() || Type.getReturnType(code.descriptor()).getSort() != Type.BOOLEAN) {
            throw unsupported(first, "its nested lambda " + code.methodName() + code.descriptor()
                    + " is not a boolean method of the element and captured values");
        }
        int next = 0;
        if (!code.isStatic()) {
            locals.add(captured.get(next++));
        }
        for (int i = 0; i < parameters.length; i++) {
            locals.add(i < parameters.length - 1 ? captured.get(next++) : new EntityParameter(root));
            if (parameters[i].getSize() == 2) {
                locals.add(null);
            }
        }
        return Decision.toCondition(run(0, new Frame(new ArrayList<>(), locals)));
    }

    Mapping mapping() {
        return mapping;
    }

    ClassLoader loader() {
        return loader;
    }

    String location(Instruction instruction) {
        return code.location(instruction.line());
    }

    private Decision run(int start, Frame entry) {
        State state = entry.state(start);
        Decision known = executed.get(state);
        if (known != null) {
            return known;
        }
        Frame frame = entry.copy();
        int pc = start;
        Decision result;
        while (true) {
            Instruction instruction = code.instructions().get(pc);
            if (++steps > MAX_STEPS) {
                throw unsupported(instruction, "it has too many paths to translate; split it into several where() calls");
            }
            int opcode = instruction.opcode();
            if ((opcode >= IFEQ && opcode <= IF_ACMPNE) || opcode == IFNULL || opcode == IFNONNULL) {
                requireForward(instruction, pc);
                ConditionTemplate condition = jumpCondition(instruction, frame);
                if (condition == Fixed.TRUE) {
                    pc = instruction.operand();
                } else if (condition == Fixed.FALSE) {
                    pc++;
                } else {
                    result = new Decision.Branch(condition, run(instruction.operand(), frame), run(pc + 1, frame));
                    break;
                }
            } else if (opcode == GOTO) {
                requireForward(instruction, pc);
                pc = instruction.operand();
            } else if (opcode == IRETURN) {
                result = new Decision.Outcome(truth(frame.pop(), instruction));
                break;
            } else {
                execute(instruction, frame);
                pc++;
            }
        }
        executed.put(state, result);
        return result;
    }

    private void requireForward(Instruction instruction, int pc) {
        if (instruction.operand() <= pc) {
            throw unsupported(instruction, "it has a loop (" + Mnemonics.of(instruction.opcode()) + " jumps back)");
        }
    }

    private ConditionTemplate jumpCondition(Instruction instruction, Frame frame) {
        int opcode = instruction.opcode();
        if (opcode == IFNULL || opcode == IFNONNULL) {
            ExpressionTemplate value = expression(frame.pop(), instruction);
            if (value instanceof Constant constant) {
                return Fixed.of((constant.value() == null) == (opcode == IFNULL));
            }
            return new ConditionTemplate.NullTest(value, opcode == IFNONNULL);
        }
        if (opcode == IF_ACMPEQ || opcode == IF_ACMPNE) {
            StackValue right = frame.pop();
            StackValue left = frame.pop();
            return ConditionTemplate.compare(expression(left, instruction),
                    opcode == IF_ACMPEQ ? Comparison.Operator.EQ : Comparison.Operator.NE, expression(right, instruction));
        }
        if (opcode >= IF_ICMPEQ) {
            Comparison.Operator operator = JUMP_OPERATORS[opcode - IF_ICMPEQ];
            StackValue right = frame.pop();
            StackValue left = frame.pop();
            if (isBoolean(left) || isBoolean(right)) {
                return ConditionTemplate.compare(booleanExpression(left, instruction), operator,
                        booleanExpression(right, instruction));
            }
            return ConditionTemplate.compare(expression(left, instruction), operator, expression(right, instruction));
        }
        Comparison.Operator operator = JUMP_OPERATORS[opcode - IFEQ];
        StackValue value = frame.pop();
        if (value instanceof ComparisonResult result) {
            return ConditionTemplate.compare(result.left(), operator, result.right());
        }
        if (isBoolean(value) && (operator == Comparison.Operator.EQ || operator == Comparison.Operator.NE)) {
            ConditionTemplate truth = truth(value, instruction);
            return operator == Comparison.Operator.NE ? truth : truth.negate();
        }
        return ConditionTemplate.compare(expression(value, instruction), operator, new Constant(0, Type.INT_TYPE));
    }

    private static boolean isBoolean(StackValue value) {
        if (value instanceof ConditionTemplate) {
            return true;
        }
        Type type = value.type();
        return type.getSort() == Type.BOOLEAN || type.getDescriptor().equals("Ljava/lang/Boolean;");
    }

    /**
     * A boolean operand of {@code IF_ICMPxx}: javac pushes {@code true} as the int 1.
     */
    private ExpressionTemplate booleanExpression(StackValue value, Instruction instruction) {
        if (value instanceof Constant constant && constant.value() instanceof Integer number) {
            return new Constant(number != 0, Type.BOOLEAN_TYPE);
        }
        return expression(value, instruction);
    }

    /**
     * A value used as a condition: {@code IRETURN}, or {@code IFEQ}/{@code IFNE} of a boolean.
     */
    private ConditionTemplate truth(StackValue value, Instruction instruction) {
        if (value instanceof ConditionTemplate condition) {
            return condition;
        }
        if (value instanceof Constant constant) {
            Object v = constant.value();
            if (v instanceof Boolean b) {
                return Fixed.of(b);
            }
            if (v instanceof Number n) {
                return Fixed.of(n.intValue() != 0);
            }
        }
        return new ConditionTemplate.BooleanTest(expression(value, instruction), true);
    }

    /**
     * A stack value as an operand of a comparison or a call. The entity parameter itself stands for
     * its primary key, as an entity value does.
     */
    ExpressionTemplate expression(StackValue value, Instruction instruction) {
        if (value instanceof ExpressionTemplate expression) {
            return expression;
        }
        if (value instanceof EntityParameter) {
            if (mapping.entity(root).key().composite()) {
                throw unsupported(instruction, "it uses the " + root.getSimpleName() + " itself as a value, and its key "
                        + mapping.entity(root).key().names() + " is composite; compare its key fields one by one");
            }
            PropertyModel id = mapping.entity(root).id();
            return new Property(List.of(id.name()), id.fieldType(), id.valueType());
        }
        if (value instanceof ComparisonResult) {
            throw unsupported(instruction, "it uses the result of compareTo() as a number; compare it with 0 instead");
        }
        throw unsupported(instruction, "it uses the result of a condition as a value");
    }

    private void execute(Instruction instruction, Frame frame) {
        int opcode = instruction.opcode();
        if (opcode >= ICONST_M1 && opcode <= ICONST_5) {
            frame.push(new Constant(opcode - ICONST_0, Type.INT_TYPE));
        } else if (opcode == LCONST_0 || opcode == LCONST_1) {
            frame.push(new Constant((long) (opcode - LCONST_0), Type.LONG_TYPE));
        } else if (opcode >= FCONST_0 && opcode <= FCONST_2) {
            frame.push(new Constant((float) (opcode - FCONST_0), Type.FLOAT_TYPE));
        } else if (opcode == DCONST_0 || opcode == DCONST_1) {
            frame.push(new Constant((double) (opcode - DCONST_0), Type.DOUBLE_TYPE));
        } else if (opcode >= ILOAD && opcode <= ALOAD) {
            frame.push(frame.local(instruction.operand()));
        } else if (opcode >= ISTORE && opcode <= ASTORE) {
            frame.store(instruction.operand(), frame.pop());
        } else if (opcode >= IADD && opcode <= DREM) {
            StackValue right = frame.pop();
            StackValue left = frame.pop();
            frame.push(calculate(expression(left, instruction), ARITHMETIC[(opcode - IADD) / 4],
                    expression(right, instruction), NUMBER_TYPES[(opcode - IADD) % 4]));
        } else if (opcode >= INEG && opcode <= DNEG) {
            Type type = NUMBER_TYPES[opcode - INEG];
            ExpressionTemplate value = expression(frame.pop(), instruction);
            frame.push(calculate(new Constant(Values.convert(0, type), type), Arithmetic.Operator.SUBTRACT, value, type));
        } else if (opcode >= I2L && opcode <= I2S) {
            frame.push(convert(instruction, expression(frame.pop(), instruction)));
        } else if (opcode >= LCMP && opcode <= DCMPG) {
            StackValue right = frame.pop();
            StackValue left = frame.pop();
            frame.push(new ComparisonResult(expression(left, instruction), expression(right, instruction)));
        } else {
            switch (opcode) {
                case NOP -> {
                }
                case ACONST_NULL -> frame.push(new Constant(null, OBJECT));
                case BIPUSH, SIPUSH -> frame.push(new Constant(instruction.operand(), Type.INT_TYPE));
                case LDC -> frame.push(constant(instruction));
                case IINC -> frame.store(instruction.operand(), calculate(
                        expression(frame.local(instruction.operand()), instruction), Arithmetic.Operator.ADD,
                        new Constant(instruction.constant(), Type.INT_TYPE), Type.INT_TYPE));
                case POP -> frame.pop();
                case POP2 -> {
                    if (frame.pop().type().getSize() == 1) {
                        frame.pop();
                    }
                }
                case DUP -> frame.push(frame.peek());
                case DUP_X1 -> {
                    StackValue top = frame.pop();
                    StackValue under = frame.pop();
                    frame.push(top);
                    frame.push(under);
                    frame.push(top);
                }
                case DUP2 -> {
                    StackValue top = frame.pop();
                    if (top.type().getSize() == 2) {
                        frame.push(top);
                        frame.push(top);
                    } else {
                        StackValue under = frame.pop();
                        frame.push(under);
                        frame.push(top);
                        frame.push(under);
                        frame.push(top);
                    }
                }
                case SWAP -> {
                    StackValue top = frame.pop();
                    StackValue under = frame.pop();
                    frame.push(top);
                    frame.push(under);
                }
                case GETFIELD -> frame.push(field(instruction, frame.pop()));
                case GETSTATIC -> frame.push(staticField(instruction));
                case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE -> invoke(instruction, frame);
                case CHECKCAST -> {
                    StackValue value = frame.pop();
                    frame.push(value instanceof Captured c ? new Captured(c.index(), Type.getObjectType(instruction.owner()))
                            : value);
                }
                case INVOKEDYNAMIC -> {
                    StackValue[] arguments = new StackValue[Type.getArgumentTypes(instruction.descriptor()).length];
                    for (int i = arguments.length - 1; i >= 0; i--) {
                        arguments[i] = frame.pop();
                    }
                    frame.push(language.invokeDynamic(instruction, new ArrayList<>(List.of(arguments))));
                }
                default -> throw unsupported(instruction, "it uses the instruction " + Mnemonics.of(opcode)
                        + (instruction.owner() != null ? " " + simpleName(instruction.owner()) : ""));
            }
        }
    }

    private ExpressionTemplate constant(Instruction instruction) {
        Object value = instruction.constant();
        if (value instanceof Integer) {
            return new Constant(value, Type.INT_TYPE);
        }
        if (value instanceof Long) {
            return new Constant(value, Type.LONG_TYPE);
        }
        if (value instanceof Float) {
            return new Constant(value, Type.FLOAT_TYPE);
        }
        if (value instanceof Double) {
            return new Constant(value, Type.DOUBLE_TYPE);
        }
        if (value instanceof String) {
            return new Constant(value, STRING);
        }
        throw unsupported(instruction, "it uses the constant " + value + " (LDC of a "
                + value.getClass().getSimpleName() + ")");
    }

    private ExpressionTemplate calculate(ExpressionTemplate left, Arithmetic.Operator operator,
                                         ExpressionTemplate right, Type type) {
        if (left instanceof Constant l && right instanceof Constant r) {
            return new Constant(Values.compute(l.value(), operator, r.value(), type), type);
        }
        return new Calculation(left, operator, right, type);
    }

    /**
     * {@code I2L} to {@code I2S}. Widening is exact in SQL too; a narrowing conversion of a database
     * value would truncate or wrap in Java but not in SQL, so it is refused.
     */
    private ExpressionTemplate convert(Instruction instruction, ExpressionTemplate value) {
        int opcode = instruction.opcode();
        Type target = switch (opcode) {
            case I2L, F2L, D2L -> Type.LONG_TYPE;
            case I2F, L2F, D2F -> Type.FLOAT_TYPE;
            case I2D, L2D, F2D -> Type.DOUBLE_TYPE;
            case I2B -> Type.BYTE_TYPE;
            case I2C -> Type.CHAR_TYPE;
            case I2S -> Type.SHORT_TYPE;
            default -> Type.INT_TYPE;
        };
        boolean widening = opcode == I2L || opcode == I2F || opcode == I2D || opcode == L2F || opcode == L2D
                || opcode == F2D;
        if (!widening && value.readsProperty()) {
            throw unsupported(instruction, "it converts " + describe(value) + " with " + Mnemonics.of(opcode)
                    + ", a narrowing cast that SQL does not do");
        }
        return ExpressionTemplate.convert(value, target);
    }

    private StackValue field(Instruction instruction, StackValue owner) {
        if (isEntity(owner)) {
            Property property = property(owner, List.of(instruction.name()), instruction);
            if (property == null) {
                throw unsupported(instruction, "it reads the field " + simpleName(instruction.owner()) + "."
                        + instruction.name() + ", which is not a persistent property" + knownProperties(owner));
            }
            return property;
        }
        ExpressionTemplate value = expression(owner, instruction);
        if (!value.isValue()) {
            throw unsupported(instruction, "it reads the field " + instruction.name() + " of " + describe(value));
        }
        Field field = findField(instruction);
        try {
            field.setAccessible(true);
        } catch (RuntimeException e) {
            throw unsupported(instruction, "it reads the captured field " + field + ", which nextorm may not access ("
                    + e.getMessage() + "); open its package to nextorm or capture the value in a local variable");
        }
        return new CapturedField(value, field);
    }

    private ExpressionTemplate staticField(Instruction instruction) {
        Field field = findField(instruction);
        if (!Modifier.isFinal(field.getModifiers())) {
            // PonyORM evaluates such a value at each execution: read it each time the template is bound
            try {
                field.setAccessible(true);
            } catch (RuntimeException e) {
                throw unsupported(instruction, "it reads the static field " + simpleName(instruction.owner()) + "."
                        + instruction.name() + ", which nextorm may not access (" + e.getMessage() + ")");
            }
            return new QueryLanguageTemplates.StaticField(field);
        }
        try {
            field.setAccessible(true);
            return new Constant(field.get(null), Type.getType(instruction.descriptor()));
        } catch (IllegalAccessException | RuntimeException e) {
            throw unsupported(instruction, "it reads the static field " + simpleName(instruction.owner()) + "."
                    + instruction.name() + ", which nextorm may not access (" + e.getMessage() + ")");
        }
    }

    private Field findField(Instruction instruction) {
        Class<?> owner = load(instruction.owner());
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(instruction.name())) {
                    return field;
                }
            }
        }
        throw unsupported(instruction, "it reads the field " + simpleName(instruction.owner()) + "."
                + instruction.name() + ", which its class does not have");
    }

    private void invoke(Instruction instruction, Frame frame) {
        Type[] argumentTypes = Type.getArgumentTypes(instruction.descriptor());
        StackValue[] arguments = new StackValue[argumentTypes.length];
        for (int i = arguments.length - 1; i >= 0; i--) {
            arguments[i] = frame.pop();
        }
        StackValue receiver = instruction.opcode() == INVOKESTATIC ? null : frame.pop();
        frame.push(call(instruction, receiver, arguments, Type.getReturnType(instruction.descriptor())));
    }

    private StackValue call(Instruction instruction, StackValue receiver, StackValue[] arguments, Type returnType) {
        String owner = instruction.owner();
        String name = instruction.name();
        String descriptor = instruction.descriptor();
        StackValue relationCall = language.relationCall(instruction, receiver, arguments);
        if (relationCall != null) {
            return relationCall;
        }
        if (receiver != null && name.equals("equals") && descriptor.equals("(Ljava/lang/Object;)Z")) {
            return ConditionTemplate.compare(expression(receiver, instruction), Comparison.Operator.EQ,
                    expression(arguments[0], instruction));
        }
        if (receiver == null && owner.equals("java/util/Objects") && name.equals("equals")) {
            return ConditionTemplate.compare(expression(arguments[0], instruction), Comparison.Operator.EQ,
                    expression(arguments[1], instruction));
        }
        if (isEntity(receiver)) {
            Property property = arguments.length == 0 ? property(receiver, propertyNames(name), instruction) : null;
            if (property == null) {
                throw unsupported(instruction, "it calls " + describe(instruction)
                        + ", which is not the getter of a persistent property" + knownProperties(receiver));
            }
            return property;
        }
        if (receiver instanceof ExpressionTemplate value && value.isValue() && arguments.length == 0) {
            CapturedField captured = capturedProperty(instruction, value);
            if (captured != null) {
                return captured;
            }
        }
        if (receiver instanceof Property p && p.javaType() == Lazy.class && name.equals("get") && arguments.length == 0) {
            return new Property(p.names(), p.valueType(), p.valueType());
        }
        if (receiver == null && BOXES.contains(owner) && name.equals("valueOf") && arguments.length == 1
                && argumentsArePrimitive(descriptor)) {
            return ExpressionTemplate.convert(expression(arguments[0], instruction), returnType);
        }
        if (receiver != null && arguments.length == 0 && name.endsWith("Value") && isPrimitive(returnType)
                && (BOXES.contains(owner) || owner.equals("java/lang/Number"))) {
            return ExpressionTemplate.convert(expression(receiver, instruction), returnType);
        }
        if (receiver != null && owner.equals("java/lang/String")) {
            StackValue result = stringMethod(instruction, expression(receiver, instruction), arguments);
            if (result != null) {
                return result;
            }
        }
        if (receiver != null && name.equals("compareTo") && arguments.length == 1
                && returnType.getSort() == Type.INT) {
            return new ComparisonResult(expression(receiver, instruction), expression(arguments[0], instruction));
        }
        if (receiver != null && owner.startsWith("java/time/") && arguments.length == 1
                && returnType.getSort() == Type.BOOLEAN) {
            Comparison.Operator operator = switch (name) {
                case "isAfter" -> Comparison.Operator.GT;
                case "isBefore" -> Comparison.Operator.LT;
                case "isEqual" -> Comparison.Operator.EQ;
                default -> null;
            };
            if (operator != null) {
                return ConditionTemplate.compare(expression(receiver, instruction), operator,
                        expression(arguments[0], instruction));
            }
        }
        if (receiver != null && name.equals("contains") && descriptor.equals("(Ljava/lang/Object;)Z")
                && isCollection(owner)) {
            ExpressionTemplate collection = expression(receiver, instruction);
            if (!collection.isValue()) {
                throw unsupported(instruction, "it calls " + describe(instruction) + " on " + describe(collection)
                        + "; only a captured collection can be tested with contains()");
            }
            return new ConditionTemplate.InTest(expression(arguments[0], instruction), collection, false);
        }
        StackValue extended = language.call(instruction, receiver, arguments, returnType);
        if (extended != null) {
            return extended;
        }
        throw unsupported(instruction, "it calls " + describe(instruction) + ", which has no SQL translation");
    }

    private StackValue stringMethod(Instruction instruction, ExpressionTemplate text, StackValue[] arguments) {
        String signature = instruction.name() + instruction.descriptor();
        switch (signature) {
            case "startsWith(Ljava/lang/String;)Z":
                return like(instruction, text, ConditionTemplate.LikeTest.Kind.STARTS_WITH, arguments[0]);
            case "endsWith(Ljava/lang/String;)Z":
                return like(instruction, text, ConditionTemplate.LikeTest.Kind.ENDS_WITH, arguments[0]);
            case "contains(Ljava/lang/CharSequence;)Z":
                return like(instruction, text, ConditionTemplate.LikeTest.Kind.CONTAINS, arguments[0]);
            case "isEmpty()Z":
                return ConditionTemplate.compare(text, Comparison.Operator.EQ, new Constant("", STRING));
            case "length()I":
                return new SqlFunction(FunctionCall.Function.LENGTH, text);
            case "toLowerCase()Ljava/lang/String;":
                return new SqlFunction(FunctionCall.Function.LOWER, text);
            case "toUpperCase()Ljava/lang/String;":
                return new SqlFunction(FunctionCall.Function.UPPER, text);
            case "equalsIgnoreCase(Ljava/lang/String;)Z":
                return ConditionTemplate.compare(new SqlFunction(FunctionCall.Function.LOWER, text),
                        Comparison.Operator.EQ,
                        new SqlFunction(FunctionCall.Function.LOWER, expression(arguments[0], instruction)));
            default:
                return null;
        }
    }

    /**
     * A getter of a captured entity ({@code author.getId()}): its property's field is read when the
     * template is bound, so no user code runs.
     *
     * @return the field read, or null when the receiver is no entity or the method no getter
     */
    private CapturedField capturedProperty(Instruction instruction, ExpressionTemplate entity) {
        Class<?> type;
        try {
            type = Class.forName(Type.getObjectType(instruction.owner()).getClassName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!mapping.isEntity(type)) {
            return null;
        }
        for (String candidate : propertyNames(instruction.name())) {
            PropertyModel property = mapping.entity(type).findProperty(candidate);
            if (property != null) {
                try {
                    Field field = property.owner().getDeclaredField(property.name());
                    field.setAccessible(true);
                    return new CapturedField(entity, field);
                } catch (NoSuchFieldException | RuntimeException e) {
                    throw unsupported(instruction, "it calls " + describe(instruction) + " on a captured entity, whose "
                            + "field nextorm may not read (" + e.getMessage() + "); capture the value instead");
                }
            }
        }
        return null;
    }

    private ConditionTemplate like(Instruction instruction, ExpressionTemplate text, ConditionTemplate.LikeTest.Kind kind,
                                   StackValue argument) {
        ExpressionTemplate pattern = expression(argument, instruction);
        if (!pattern.isValue()) {
            throw unsupported(instruction, "it calls " + describe(instruction) + " with " + describe(pattern)
                    + "; the argument must be a constant or a captured variable");
        }
        if (!text.readsProperty()) {
            throw unsupported(instruction, "it calls " + describe(instruction) + " on " + describe(text)
                    + ", which reads no property of the entity; compute it before the lambda");
        }
        return new ConditionTemplate.LikeTest(text, kind, pattern, false);
    }

    /**
     * The property that a getter or a field of the entity parameter (or of a reference) reads.
     *
     * @param owner the entity parameter or a reference property
     * @param candidates the property names to try, in order
     * @return the property, or null when the entity has none of the names
     */
    private Property property(StackValue owner, List<String> candidates, Instruction instruction) {
        EntityModel<?> model = entityOf(owner);
        List<String> prefix = owner instanceof Property p ? p.names() : List.of();
        for (String candidate : candidates) {
            PropertyModel property = model.findProperty(candidate);
            if (property == null) {
                continue;
            }
            if (property.kind() == PropertyKind.SET) {
                List<String> names = new ArrayList<>(prefix);
                names.add(property.name());
                return new Property(names, property.fieldType(), property.target().type());
            }
            List<String> names = new ArrayList<>(prefix);
            names.add(property.name());
            return new Property(names, property.fieldType(), property.valueType());
        }
        return null;
    }

    private boolean isEntity(StackValue value) {
        return value instanceof EntityParameter
                || (value instanceof Property p && p.javaType() != Lazy.class && mapping.isEntity(p.javaType()));
    }

    private EntityModel<?> entityOf(StackValue value) {
        return value instanceof Property p ? mapping.entity(p.javaType()) : mapping.entity(root);
    }

    private String knownProperties(StackValue owner) {
        EntityModel<?> model = entityOf(owner);
        List<String> names = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            names.add(property.name());
        }
        return " of " + model.name() + " (its properties are " + names + ")";
    }

    /**
     * The property names a getter may stand for: JavaBeans' {@code getTitle}/{@code isDraft}, then the
     * method name itself, for record-style accessors.
     */
    static List<String> propertyNames(String method) {
        String bean = null;
        if (method.startsWith("get") && method.length() > 3) {
            bean = decapitalize(method.substring(3));
        } else if (method.startsWith("is") && method.length() > 2) {
            bean = decapitalize(method.substring(2));
        }
        return bean == null ? List.of(method) : List.of(bean, method);
    }

    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private boolean isCollection(String internalName) {
        try {
            return Collection.class.isAssignableFrom(Class.forName(internalName.replace('/', '.'), false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    Class<?> load(String internalName) {
        try {
            return Class.forName(Type.getObjectType(internalName).getClassName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cannot load " + internalName + ", named by the lambda "
                    + code.location(0), e);
        }
    }

    private static boolean argumentsArePrimitive(String descriptor) {
        for (Type type : Type.getArgumentTypes(descriptor)) {
            if (!isPrimitive(type)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrimitive(Type type) {
        return type.getSort() >= Type.BOOLEAN && type.getSort() <= Type.DOUBLE;
    }

    private static String describe(Instruction instruction) {
        StringBuilder text = new StringBuilder(simpleName(instruction.owner())).append('.')
                .append(instruction.name()).append('(');
        Type[] arguments = Type.getArgumentTypes(instruction.descriptor());
        for (int i = 0; i < arguments.length; i++) {
            text.append(i > 0 ? ", " : "").append(simpleName(arguments[i].getInternalName()));
        }
        return text.append(')').toString();
    }

    private static String describe(ExpressionTemplate value) {
        if (value instanceof Property p) {
            return "the property " + String.join(".", p.names());
        }
        if (value instanceof Captured) {
            return "a captured value";
        }
        if (value instanceof Constant c) {
            return "the constant " + c.value();
        }
        return "a computed value";
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    UnsupportedPredicateException unsupported(Instruction at, String what) {
        return new UnsupportedPredicateException("Cannot translate the where() lambda at " + code.location(at.line())
                + " to SQL: " + what + ". Use filter() with the metamodel instead; nextorm never filters in memory.");
    }

    /**
     * The abstract state at an instruction, as the key under which the rest of a path is executed once.
     */
    private record State(int pc, List<StackValue> stack, List<StackValue> locals) {
    }

    /**
     * The operand stack and local variables of one path; copied where paths fork.
     */
    private static final class Frame {

        private final List<StackValue> stack;
        private final List<StackValue> locals;

        Frame(List<StackValue> stack, List<StackValue> locals) {
            this.stack = stack;
            this.locals = locals;
        }

        Frame copy() {
            return new Frame(new ArrayList<>(stack), new ArrayList<>(locals));
        }

        State state(int pc) {
            return new State(pc, Collections.unmodifiableList(new ArrayList<>(stack)),
                    Collections.unmodifiableList(new ArrayList<>(locals)));
        }

        void push(StackValue value) {
            stack.add(value);
        }

        StackValue pop() {
            return stack.remove(stack.size() - 1);
        }

        StackValue peek() {
            return stack.get(stack.size() - 1);
        }

        StackValue local(int index) {
            return locals.get(index);
        }

        void store(int index, StackValue value) {
            while (locals.size() <= index + 1) {
                locals.add(null);
            }
            locals.set(index, value);
            if (value.type().getSize() == 2) {
                locals.set(index + 1, null);
            }
        }
    }
}
