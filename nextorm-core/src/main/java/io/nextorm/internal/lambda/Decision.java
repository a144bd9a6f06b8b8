package io.nextorm.internal.lambda;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The control flow of a lambda body as the symbolic execution sees it: at each conditional jump a
 * {@link Branch} on the jump's condition, at each {@code IRETURN} an {@link Outcome}. Paths that
 * meet again (the same instruction with the same abstract state) share one sub-decision, which
 * {@link #toCondition(Decision)} uses to fold javac's short-circuit jumps back into AND and OR.
 */
sealed interface Decision {

    /**
     * The end of a path: the lambda returns this condition.
     *
     * @param condition what the path returns; {@code Fixed.TRUE} for {@code return true}
     */
    record Outcome(ConditionTemplate condition) implements Decision {
    }

    /**
     * A conditional jump.
     *
     * @param condition the jump's condition
     * @param whenTrue where the path goes when it holds (the jump target)
     * @param whenFalse where it goes when not (the next instruction)
     */
    record Branch(ConditionTemplate condition, Decision whenTrue, Decision whenFalse) implements Decision {
    }

    /**
     * Folds a decision into one condition.
     *
     * <p>javac compiles {@code a && b} to "if not a, go to false; if not b, go to false; true" and
     * {@code a || b} to "if a, go to true; if not b, go to false; true": a branch whose one side is
     * another branch that shares a successor with it. Four rules merge such pairs into one branch on
     * {@code c OR d} or {@code c AND d} (with {@code d} negated when the shared successor is on its
     * other side), until no pair is left; then a branch to constant outcomes becomes its condition,
     * its negation, an AND or an OR, and a branch between two arbitrary conditions (a ternary)
     * becomes {@code (NOT c AND else) OR (c AND then)}.
     *
     * @param decision the decision
     * @return the condition that holds exactly when the lambda returns true
     */
    static ConditionTemplate toCondition(Decision decision) {
        return fold(decision, new IdentityHashMap<>());
    }

    private static ConditionTemplate fold(Decision decision, Map<Decision, ConditionTemplate> done) {
        if (decision instanceof Outcome outcome) {
            return outcome.condition();
        }
        ConditionTemplate known = done.get(decision);
        if (known != null) {
            return known;
        }
        Branch branch = (Branch) decision;
        boolean merged = true;
        while (merged) {
            merged = false;
            if (branch.whenFalse() instanceof Branch next) {
                if (same(next.whenTrue(), branch.whenTrue())) {
                    branch = new Branch(ConditionTemplate.or(branch.condition(), next.condition()),
                            branch.whenTrue(), next.whenFalse());
                    merged = true;
                } else if (same(next.whenFalse(), branch.whenTrue())) {
                    branch = new Branch(ConditionTemplate.or(branch.condition(), next.condition().negate()),
                            branch.whenTrue(), next.whenTrue());
                    merged = true;
                }
            }
            if (!merged && branch.whenTrue() instanceof Branch next) {
                if (same(next.whenFalse(), branch.whenFalse())) {
                    branch = new Branch(ConditionTemplate.and(branch.condition(), next.condition()),
                            next.whenTrue(), branch.whenFalse());
                    merged = true;
                } else if (same(next.whenTrue(), branch.whenFalse())) {
                    branch = new Branch(ConditionTemplate.and(branch.condition(), next.condition().negate()),
                            next.whenFalse(), branch.whenFalse());
                    merged = true;
                }
            }
        }
        ConditionTemplate condition = branch.condition();
        ConditionTemplate whenTrue = fold(branch.whenTrue(), done);
        ConditionTemplate whenFalse = fold(branch.whenFalse(), done);
        ConditionTemplate result;
        if (whenTrue.equals(whenFalse)) {
            result = whenTrue;
        } else if (whenTrue == ConditionTemplate.Fixed.TRUE) {
            result = ConditionTemplate.or(condition, whenFalse);
        } else if (whenTrue == ConditionTemplate.Fixed.FALSE) {
            result = ConditionTemplate.and(condition.negate(), whenFalse);
        } else if (whenFalse == ConditionTemplate.Fixed.FALSE) {
            result = ConditionTemplate.and(condition, whenTrue);
        } else if (whenFalse == ConditionTemplate.Fixed.TRUE) {
            result = ConditionTemplate.or(condition.negate(), whenTrue);
        } else {
            // javac jumps to the else part on the negated test: the fall-through is the "then" part
            result = ConditionTemplate.or(ConditionTemplate.and(condition.negate(), whenFalse),
                    ConditionTemplate.and(condition, whenTrue));
        }
        done.put(decision, result);
        return result;
    }

    private static boolean same(Decision a, Decision b) {
        return a == b || a.equals(b);
    }
}
