package io.nextorm.internal.lambda;

import io.nextorm.internal.lambda.ExpressionTemplate.Constant;
import io.nextorm.internal.lambda.ExpressionTemplate.Property;
import io.nextorm.internal.lambda.StackValue.NestedLambda;
import io.nextorm.internal.lambda.StackValue.RelationStream;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.ScalarFunction;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The calls of PonyORM's query language in a lambda that {@link BytecodeInterpreter} hands over:
 * {@code Set} relations ({@code size isEmpty contains stream().anyMatch/allMatch/noneMatch}),
 * {@code Math.abs/min/max}, {@code strip trim substring concat indexOf}, string {@code +},
 * {@code String.valueOf}, date parts, nested lambdas, and calls that read no property of the row,
 * which are evaluated in Java at each execution.
 */
final class QueryLanguageCalls {

    private static final Type STRING = Type.getType(String.class);

    private final BytecodeInterpreter interpreter;

    QueryLanguageCalls(BytecodeInterpreter interpreter) {
        this.interpreter = interpreter;
    }

    /**
     * Whether a value is a {@code Set} relation of an entity.
     */
    static boolean isRelation(StackValue value) {
        return value instanceof Property p && Collection.class.isAssignableFrom(p.javaType());
    }

    /**
     * A call on a relation or its stream; null when the receiver is neither.
     */
    StackValue relationCall(Instruction instruction, StackValue receiver, StackValue[] arguments) {
        String signature = instruction.name() + instruction.descriptor();
        if (receiver instanceof RelationStream stream) {
            boolean all = instruction.name().equals("allMatch");
            boolean none = instruction.name().equals("noneMatch");
            if (!all && !none && !instruction.name().equals("anyMatch")) {
                throw interpreter.unsupported(instruction, "it calls " + instruction.name() + "() on the stream of "
                        + stream.relation().names() + "; only anyMatch, allMatch and noneMatch translate");
            }
            if (!(arguments[0] instanceof NestedLambda lambda)) {
                throw interpreter.unsupported(instruction, "it passes a predicate to " + instruction.name()
                        + "() that is not a lambda written in place");
            }
            ConditionTemplate elements = nested(instruction, lambda, stream.relation().valueType());
            return all ? new QueryLanguageTemplates.SetTest(stream.relation(), elements, null, true, true)
                    : new QueryLanguageTemplates.SetTest(stream.relation(), elements, null, none, false);
        }
        if (!isRelation(receiver)) {
            return null;
        }
        Property relation = (Property) receiver;
        switch (signature) {
            case "size()I":
                return new QueryLanguageTemplates.SetCount(relation);
            case "isEmpty()Z":
                return new QueryLanguageTemplates.SetTest(relation, null, null, true, false);
            case "contains(Ljava/lang/Object;)Z":
                return new QueryLanguageTemplates.SetTest(relation, null,
                        interpreter.expression(arguments[0], instruction), false, false);
            case "stream()Ljava/util/stream/Stream;":
                return new RelationStream(relation);
            default:
                throw interpreter.unsupported(instruction, "it calls " + instruction.name() + "() on the Set "
                        + relation.names() + "; size(), isEmpty(), contains() and stream().anyMatch/allMatch/"
                        + "noneMatch translate");
        }
    }

    private ConditionTemplate nested(Instruction instruction, NestedLambda lambda, Class<?> element) {
        for (StackValue value : lambda.captured()) {
            if (value instanceof StackValue.EntityParameter || (value instanceof ExpressionTemplate e && e.readsProperty())) {
                throw interpreter.unsupported(instruction, "its nested lambda reads the outer lambda's entity; "
                        + "compare the elements with captured values only");
            }
        }
        MethodCode code = MethodCode.read(interpreter.loader(), lambda.owner(), lambda.name(), lambda.descriptor());
        if (code == null || code.instructions().isEmpty()) {
            throw interpreter.unsupported(instruction, "the bytecode of its nested lambda cannot be read");
        }
        return new BytecodeInterpreter(code, interpreter.mapping(), element, interpreter.loader())
                .interpretNested(lambda.captured());
    }

    /**
     * INVOKEDYNAMIC: a lambda created in place (kept for the stream call that takes it), or string
     * concatenation.
     */
    StackValue invokeDynamic(Instruction instruction, List<StackValue> arguments) {
        Object[] bootstrap = (Object[]) instruction.constant();
        if (instruction.owner().equals("java/lang/invoke/LambdaMetafactory") && bootstrap.length >= 2
                && bootstrap[1] instanceof Handle handle) {
            return new NestedLambda(handle.getOwner(), handle.getName(), handle.getDesc(), arguments);
        }
        if (instruction.owner().equals("java/lang/invoke/StringConcatFactory")) {
            return concat(instruction, bootstrap, arguments);
        }
        throw interpreter.unsupported(instruction, "it uses invokedynamic " + instruction.name());
    }

    private StackValue concat(Instruction instruction, Object[] bootstrap, List<StackValue> arguments) {
        List<ExpressionTemplate> parts = new ArrayList<>();
        if (instruction.name().equals("makeConcat")) {
            arguments.forEach(argument -> parts.add(interpreter.expression(argument, instruction)));
        } else {
            String recipe = (String) bootstrap[0];
            int argument = 0;
            int constant = 1;
            StringBuilder literal = new StringBuilder();
            for (char c : recipe.toCharArray()) {
                if (c == '\u0001' || c == '\u0002') {
                    if (literal.length() > 0) {
                        parts.add(new Constant(literal.toString(), STRING));
                        literal.setLength(0);
                    }
                    parts.add(c == '\u0001' ? interpreter.expression(arguments.get(argument++), instruction)
                            : new Constant(String.valueOf(bootstrap[constant++]), STRING));
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) {
                parts.add(new Constant(literal.toString(), STRING));
            }
        }
        return new QueryLanguageTemplates.Function(ScalarFunction.Kind.CONCAT, parts, STRING);
    }

    /**
     * A call the interpreter has no other translation of; null when this class has none either.
     */
    StackValue call(Instruction instruction, StackValue receiver, StackValue[] arguments, Type returnType) {
        List<ExpressionTemplate> values = new ArrayList<>();
        boolean allValues = receiver == null || receiver instanceof ExpressionTemplate r && r.isValue();
        for (StackValue argument : arguments) {
            if (argument instanceof ExpressionTemplate e) {
                allValues &= e.isValue();
                values.add(e);
            } else {
                allValues = false;
            }
        }
        if (allValues && returnType.getSort() != Type.VOID) {
            return evaluated(instruction, (ExpressionTemplate) receiver, values, returnType);
        }
        String owner = instruction.owner();
        String name = instruction.name();
        if (receiver == null && owner.equals("java/lang/Math") && arguments.length == 1 && name.equals("abs")) {
            return function(ScalarFunction.Kind.ABS, returnType, instruction, arguments[0]);
        }
        if (receiver == null && owner.equals("java/lang/Math") && arguments.length == 2
                && (name.equals("max") || name.equals("min"))) {
            return function(name.equals("max") ? ScalarFunction.Kind.GREATEST : ScalarFunction.Kind.LEAST, returnType,
                    instruction, arguments[0], arguments[1]);
        }
        if (receiver == null && owner.equals("java/lang/String") && name.equals("valueOf") && arguments.length == 1) {
            return function(ScalarFunction.Kind.TO_STRING, STRING, instruction, arguments[0]);
        }
        if (receiver != null && owner.equals("java/lang/String")) {
            return stringCall(instruction, receiver, arguments, returnType);
        }
        if (receiver != null && owner.startsWith("java/time/") && arguments.length == 0) {
            ScalarFunction.Kind part = switch (name) {
                case "getYear" -> ScalarFunction.Kind.YEAR;
                case "getMonthValue" -> ScalarFunction.Kind.MONTH;
                case "getDayOfMonth" -> ScalarFunction.Kind.DAY;
                default -> null;
            };
            if (part != null) {
                return function(part, Type.INT_TYPE, instruction, receiver);
            }
        }
        return null;
    }

    private StackValue stringCall(Instruction instruction, StackValue receiver, StackValue[] arguments, Type returnType) {
        switch (instruction.name() + instruction.descriptor()) {
            case "strip()Ljava/lang/String;", "trim()Ljava/lang/String;":
                return function(ScalarFunction.Kind.TRIM, STRING, instruction, receiver);
            case "concat(Ljava/lang/String;)Ljava/lang/String;":
                return function(ScalarFunction.Kind.CONCAT, STRING, instruction, receiver, arguments[0]);
            case "indexOf(Ljava/lang/String;)I":
                return function(ScalarFunction.Kind.INDEX_OF, Type.INT_TYPE, instruction, receiver, arguments[0]);
            case "substring(II)Ljava/lang/String;": {
                ExpressionTemplate begin = interpreter.expression(arguments[0], instruction);
                ExpressionTemplate end = interpreter.expression(arguments[1], instruction);
                ExpressionTemplate from = new ExpressionTemplate.Calculation(begin, io.nextorm.query.Arithmetic.Operator.ADD,
                        new Constant(1, Type.INT_TYPE), Type.INT_TYPE);
                ExpressionTemplate count = new ExpressionTemplate.Calculation(end, io.nextorm.query.Arithmetic.Operator.SUBTRACT,
                        begin, Type.INT_TYPE);
                return new QueryLanguageTemplates.Function(ScalarFunction.Kind.SUBSTRING,
                        List.of(interpreter.expression(receiver, instruction), from, count), STRING);
            }
            case "substring(I)Ljava/lang/String;": {
                ExpressionTemplate text = interpreter.expression(receiver, instruction);
                ExpressionTemplate from = new ExpressionTemplate.Calculation(interpreter.expression(arguments[0], instruction),
                        io.nextorm.query.Arithmetic.Operator.ADD, new Constant(1, Type.INT_TYPE), Type.INT_TYPE);
                return new QueryLanguageTemplates.Function(ScalarFunction.Kind.SUBSTRING,
                        List.of(text, from, new ExpressionTemplate.SqlFunction(FunctionCall.Function.LENGTH, text)), STRING);
            }
            default:
                return null;
        }
    }

    private StackValue function(ScalarFunction.Kind kind, Type type, Instruction instruction, StackValue... arguments) {
        List<ExpressionTemplate> templates = new ArrayList<>(arguments.length);
        for (StackValue argument : arguments) {
            templates.add(interpreter.expression(argument, instruction));
        }
        return new QueryLanguageTemplates.Function(kind, templates, type);
    }

    private StackValue evaluated(Instruction instruction, ExpressionTemplate receiver, List<ExpressionTemplate> arguments,
                                 Type returnType) {
        Class<?> owner = interpreter.load(instruction.owner());
        Method method = Arrays.stream(owner.getMethods())
                .filter(m -> m.getName().equals(instruction.name())
                        && Type.getMethodDescriptor(m).equals(instruction.descriptor()))
                .findFirst().orElse(null);
        if (method == null || (receiver == null) != Modifier.isStatic(method.getModifiers())) {
            throw interpreter.unsupported(instruction, "it calls " + instruction.owner().replace('/', '.') + "."
                    + instruction.name() + ", which is not a public method nextorm can evaluate before the query");
        }
        try {
            method.setAccessible(true);
        } catch (RuntimeException e) {
            throw interpreter.unsupported(instruction, "it calls " + method + ", which nextorm may not access");
        }
        return new QueryLanguageTemplates.Evaluated(method, receiver, List.copyOf(arguments), returnType,
                interpreter.location(instruction));
    }
}
