package io.nextorm.internal.lambda;

import io.nextorm.UnsupportedPredicateException;
import io.nextorm.Where;
import io.nextorm.internal.lambda.ExpressionTemplate.Property;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.query.Condition;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Translates {@link Where} lambdas into the condition tree that {@code filter()} takes, from their
 * bytecode:
 *
 * <pre>{@code
 * LambdaTranslator translator = new LambdaTranslator(mapping);
 * String prefix = "Re";
 * Condition condition = translator.translate(
 *         (Where<Article>) a -> a.getViews() > 100 && a.getTitle().startsWith(prefix), Article.class);
 * // the same tree as Article_.views.gt(100L).and(Article_.title.startsWith(prefix))
 * }</pre>
 *
 * <p>A lambda may compare fields and getters of the entity, and of entities it references
 * ({@code a.getAuthor().getName()}), with constants, captured variables and each other; combine
 * conditions with {@code &&}, {@code ||}, {@code !} and {@code ?:}; use {@code ==}, {@code equals},
 * {@code Objects.equals}, {@code compareTo}, {@code isAfter}/{@code isBefore}, null checks,
 * arithmetic, the String methods {@code startsWith endsWith contains isEmpty length toLowerCase
 * toUpperCase equalsIgnoreCase}, and {@code collection.contains(a.getId())} of a captured collection.
 * Captured variables always become statement parameters. Anything else raises
 * {@link UnsupportedPredicateException} naming the construct and the lambda's source line; a lambda
 * is never run against rows in memory.
 *
 * <p>The translation of a lambda body is cached: translating the same lambda again (a query method
 * called once per request, say) reads no bytecode and only binds the captured values. Instances are
 * thread-safe; keep one per {@link Mapping}.
 */
public final class LambdaTranslator {

    private static final ClassValue<Optional<Method>> WRITE_REPLACE = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method method = type.getDeclaredMethod("writeReplace");
                method.setAccessible(true);
                return Optional.of(method);
            } catch (NoSuchMethodException | RuntimeException e) {
                return Optional.empty();
            }
        }
    };

    private final Mapping mapping;
    private final Map<Key, ConditionTemplate> templates = new ConcurrentHashMap<>();
    private final AtomicInteger analyses = new AtomicInteger();

    /**
     * Creates a translator for the entities of a mapping.
     *
     * @param mapping the mapping whose entities lambdas are about
     */
    public LambdaTranslator(Mapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Translates a lambda into a condition on an entity.
     *
     * @param where the lambda (or method reference) whose parameter is a row of {@code entity}
     * @param entity the queried entity
     * @return the condition, with every captured value as a {@link io.nextorm.query.Value} parameter
     * @throws UnsupportedPredicateException when the lambda does something SQL cannot, naming what and
     *                                       where in the source
     * @throws IllegalArgumentException when {@code entity} is not mapped, or a captured value cannot
     *                                  be used as the lambda uses it (a null collection for
     *                                  {@code contains}, say)
     */
    public Condition translate(Where<?> where, Class<?> entity) {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(entity, "entity");
        SerializedLambda lambda = serialize(where);
        Key key = new Key(entity, lambda.getImplClass(), lambda.getImplMethodName(), lambda.getImplMethodSignature());
        ConditionTemplate template = templates.get(key);
        if (template == null) {
            template = analyze(lambda, entity, where.getClass().getClassLoader());
            templates.putIfAbsent(key, template);
        }
        Object[] captured = new Object[lambda.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = lambda.getCapturedArg(i);
        }
        return template.bind(new Binding(entity, captured));
    }

    /**
     * How many lambda bodies this translator has analysed: a repeated translation must not add one.
     *
     * @return the number of analyses
     */
    int analyses() {
        return analyses.get();
    }

    private ConditionTemplate analyze(SerializedLambda lambda, Class<?> entity, ClassLoader loader) {
        mapping.entity(entity);
        analyses.incrementAndGet();
        ConditionTemplate methodReference = propertyReference(lambda, entity, loader);
        if (methodReference != null) {
            return methodReference;
        }
        if (lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial) {
            throw new UnsupportedPredicateException("Cannot translate the where() method reference to the constructor of "
                    + lambda.getImplClass().replace('/', '.') + " in " + lambda.getCapturingClass().replace('/', '.')
                    + " to SQL. Use filter() with the metamodel instead; nextorm never filters in memory.");
        }
        MethodCode code = MethodCode.read(loader, lambda.getImplClass(), lambda.getImplMethodName(),
                lambda.getImplMethodSignature());
        if (code == null || code.instructions().isEmpty()) {
            throw new UnsupportedPredicateException("Cannot translate the where() lambda "
                    + lambda.getImplClass().replace('/', '.') + "." + lambda.getImplMethodName()
                    + " to SQL: its bytecode cannot be read from the class path. Use filter() with the metamodel instead.");
        }
        return new BytecodeInterpreter(code, mapping, entity, loader).interpret(lambda.getCapturedArgCount());
    }

    /**
     * A reference to a boolean getter of the entity ({@code Article::isDraft}): the property is true.
     * Other method references are read like lambda bodies.
     */
    private ConditionTemplate propertyReference(SerializedLambda lambda, Class<?> entity, ClassLoader loader) {
        int kind = lambda.getImplMethodKind();
        if ((kind != MethodHandleInfo.REF_invokeVirtual && kind != MethodHandleInfo.REF_invokeInterface)
                || lambda.getCapturedArgCount() != 0 || !lambda.getImplMethodSignature().startsWith("()")) {
            return null;
        }
        Class<?> owner;
        try {
            owner = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
        if (!owner.isAssignableFrom(entity)) {
            return null;
        }
        String reference = entity.getSimpleName() + "::" + lambda.getImplMethodName();
        String signature = lambda.getImplMethodSignature();
        if (!signature.equals("()Z") && !signature.equals("()Ljava/lang/Boolean;")) {
            throw unsupportedReference(reference, lambda, "it does not return a boolean");
        }
        for (String name : BytecodeInterpreter.propertyNames(lambda.getImplMethodName())) {
            var property = mapping.entity(entity).findProperty(name);
            if (property != null) {
                return new ConditionTemplate.BooleanTest(
                        new Property(List.of(property.name()), property.fieldType(), property.valueType()), true);
            }
        }
        throw unsupportedReference(reference, lambda, "it is not the getter of a persistent property of "
                + entity.getSimpleName());
    }

    private static UnsupportedPredicateException unsupportedReference(String reference, SerializedLambda lambda,
                                                                      String why) {
        return new UnsupportedPredicateException("Cannot translate the where() method reference " + reference + " in "
                + lambda.getCapturingClass().replace('/', '.') + " to SQL: " + why
                + ". Use filter() with the metamodel instead; nextorm never filters in memory.");
    }

    private static SerializedLambda serialize(Where<?> where) {
        Method writeReplace = WRITE_REPLACE.get(where.getClass()).orElse(null);
        Object replacement = null;
        if (writeReplace != null) {
            try {
                replacement = writeReplace.invoke(where);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read the lambda " + where.getClass().getName(), e);
            }
        }
        if (!(replacement instanceof SerializedLambda lambda)) {
            throw new UnsupportedPredicateException("Cannot translate " + where.getClass().getName()
                    + " to SQL: where() takes a lambda expression or a method reference, whose bytecode nextorm reads;"
                    + " this is an object of a class. Use filter() with the metamodel instead.");
        }
        return lambda;
    }

    /**
     * A lambda body, identified by its implementation method, on one entity.
     */
    private record Key(Class<?> entity, String implClass, String implMethodName, String implMethodSignature) {
    }
}
