package io.nextorm.internal.sql;

import java.util.List;
import java.util.Objects;

/**
 * A statement ready to send: SQL text in the driver's marker form, and its parameters.
 *
 * @param sql the SQL text, with the driver's parameter markers and no values
 * @param parameters the values to bind, in order; a NULL is a {@link TypedNull}
 * @param kind what the statement does
 * @param entity the name of the entity it is about, or null
 */
public record SqlStatement(String sql, List<Object> parameters, StatementKind kind, String entity) {

    /**
     * Checks the parts.
     */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return sql;
    }
}
