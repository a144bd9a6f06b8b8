package io.nextorm.internal.lambda;

import io.nextorm.query.Arithmetic;
import io.nextorm.query.Comparison;
import org.objectweb.asm.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Java semantics for the parts of a lambda that need no database: conversions, arithmetic and
 * comparisons of constants and captured values, applied when a template is bound.
 */
final class Values {

    private Values() {
    }

    /**
     * Converts a value as a JVM conversion instruction or an unboxing call would.
     *
     * @param value the value
     * @param type the target type
     * @return the converted value, boxed
     */
    static Object convert(Object value, Type type) {
        if (value == null) {
            if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                return null;
            }
            throw new IllegalArgumentException("A where() lambda uses a null value as a " + type.getClassName()
                    + " (Java would throw a NullPointerException)");
        }
        Object source = value instanceof Character c ? (int) c : value;
        if (!(source instanceof Number number)) {
            return value;
        }
        switch (type.getSort()) {
            case Type.INT:
                return number.intValue();
            case Type.LONG:
                return number.longValue();
            case Type.FLOAT:
                return number.floatValue();
            case Type.DOUBLE:
                return number.doubleValue();
            case Type.SHORT:
                return number.shortValue();
            case Type.BYTE:
                return number.byteValue();
            case Type.CHAR:
                return (char) number.intValue();
            case Type.BOOLEAN:
                return number.intValue() != 0;
            default:
                return value;
        }
    }

    /**
     * Computes arithmetic of two numbers with the overflow and rounding of the JVM instruction.
     *
     * @param left the left number
     * @param operator the operator
     * @param right the right number
     * @param type int, long, float or double
     * @return the result, boxed
     */
    static Object compute(Object left, Arithmetic.Operator operator, Object right, Type type) {
        Number l = requireNumber(left);
        Number r = requireNumber(right);
        try {
            switch (type.getSort()) {
                case Type.LONG: {
                    long a = l.longValue();
                    long b = r.longValue();
                    return switch (operator) {
                        case ADD -> a + b;
                        case SUBTRACT -> a - b;
                        case MULTIPLY -> a * b;
                        case DIVIDE -> a / b;
                        case MODULO -> a % b;
                    };
                }
                case Type.FLOAT: {
                    float a = l.floatValue();
                    float b = r.floatValue();
                    return switch (operator) {
                        case ADD -> a + b;
                        case SUBTRACT -> a - b;
                        case MULTIPLY -> a * b;
                        case DIVIDE -> a / b;
                        case MODULO -> a % b;
                    };
                }
                case Type.DOUBLE: {
                    double a = l.doubleValue();
                    double b = r.doubleValue();
                    return switch (operator) {
                        case ADD -> a + b;
                        case SUBTRACT -> a - b;
                        case MULTIPLY -> a * b;
                        case DIVIDE -> a / b;
                        case MODULO -> a % b;
                    };
                }
                default: {
                    int a = l.intValue();
                    int b = r.intValue();
                    return switch (operator) {
                        case ADD -> a + b;
                        case SUBTRACT -> a - b;
                        case MULTIPLY -> a * b;
                        case DIVIDE -> a / b;
                        case MODULO -> a % b;
                    };
                }
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A where() lambda computes " + left + " " + operator.symbol() + " "
                    + right + " from captured values: " + e.getMessage(), e);
        }
    }

    /**
     * Compares two values as Java would: numbers by value, other objects with {@code equals} or
     * {@code compareTo}.
     *
     * @param left the left value
     * @param operator the comparison
     * @param right the right value
     * @return whether the comparison holds
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean holds(Object left, Comparison.Operator operator, Object right) {
        if (operator == Comparison.Operator.EQ || operator == Comparison.Operator.NE) {
            boolean equal = left instanceof Number a && right instanceof Number b
                    ? compareNumbers(a, b) == 0
                    : Objects.equals(left, right);
            return equal == (operator == Comparison.Operator.EQ);
        }
        if (left == null || right == null) {
            throw new IllegalArgumentException("A where() lambda compares " + left + " " + operator.symbol() + " "
                    + right + ": no value compares with null");
        }
        int order;
        if (left instanceof Number a && right instanceof Number b) {
            order = compareNumbers(a, b);
        } else if (left instanceof Comparable comparable) {
            order = comparable.compareTo(right);
        } else {
            throw new IllegalArgumentException("A where() lambda compares " + left.getClass().getName()
                    + " values, which have no order");
        }
        switch (operator) {
            case GT:
                return order > 0;
            case GE:
                return order >= 0;
            case LT:
                return order < 0;
            default:
                return order <= 0;
        }
    }

    private static int compareNumbers(Number a, Number b) {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        return x != null && y != null ? x.compareTo(y) : Double.compare(a.doubleValue(), b.doubleValue());
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static Number requireNumber(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Character c) {
            return (int) c;
        }
        throw new IllegalArgumentException("A where() lambda does arithmetic on " + value
                + (value == null ? " (Java would throw a NullPointerException)" : ", which is no number"));
    }
}
