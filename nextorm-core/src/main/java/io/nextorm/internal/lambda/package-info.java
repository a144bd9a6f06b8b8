/**
 * Translation of {@link io.nextorm.Where} lambdas into the condition tree of {@code io.nextorm.query}.
 *
 * <p>{@link io.nextorm.internal.lambda.LambdaTranslator} reads the bytecode of a lambda's implementation method
 * with ASM and executes it symbolically: the entity parameter, property paths, constants and captured
 * variables travel on an abstract operand stack, and the branches that {@code &&}, {@code ||},
 * {@code !} and ternaries compile to are folded back into AND, OR and NOT. The result is a template
 * cached per lambda body; translating the same lambda again only binds its captured variables, which
 * always become statement parameters. Whatever has no SQL meaning raises
 * {@link io.nextorm.UnsupportedPredicateException} with the lambda's source line: nothing is ever
 * filtered in memory.
 */
package io.nextorm.internal.lambda;
