package io.nextorm;

import java.io.Serial;

/**
 * The database refused or failed a statement. The message and {@link #getSql()} carry the SQL text
 * (never the bound values); {@link #getCause()} is the driver's own exception, for example an
 * {@code io.r2dbc.spi.R2dbcDataIntegrityViolationException} for a constraint violation.
 */
public class SqlExecutionException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String sql;

    /**
     * Creates the exception.
     *
     * @param sql the statement that failed, as sent
     * @param cause the driver's exception
     */
    public SqlExecutionException(String sql, Throwable cause) {
        super(describe(cause) + " [SQL: " + sql + "]", cause);
        this.sql = sql;
    }

    /**
     * Creates the exception with a message of its own in place of the driver's (nextorm passes the
     * driver's message with its quoted values removed).
     *
     * @param sql the statement that failed, as sent
     * @param message what went wrong, without bound values
     * @param cause the driver's exception
     */
    public SqlExecutionException(String sql, String message, Throwable cause) {
        super("Statement failed: " + (message == null ? cause.getClass().getName() : message) + " [SQL: " + sql + "]",
                cause);
        this.sql = sql;
    }

    /**
     * Returns the SQL text that failed, with its placeholders and without the bound values.
     *
     * @return the SQL text
     */
    public String getSql() {
        return sql;
    }

    /**
     * Whether the database rejected the statement for a constraint (NOT NULL, UNIQUE, FOREIGN KEY,
     * CHECK), including a required column left out of an INSERT that has no DEFAULT (MariaDB's
     * error 1364, which its driver does not class as a constraint violation).
     *
     * @return true for an integrity violation
     */
    public boolean isIntegrityViolation() {
        if (getCause() instanceof io.r2dbc.spi.R2dbcDataIntegrityViolationException) {
            return true;
        }
        return getCause() instanceof io.r2dbc.spi.R2dbcException e
                && (e.getSqlState() != null && e.getSqlState().startsWith("23") || e.getErrorCode() == NO_DEFAULT_FOR_FIELD);
    }

    /** MariaDB's and MySQL's ER_NO_DEFAULT_FOR_FIELD: "Field 'x' doesn't have a default value". */
    private static final int NO_DEFAULT_FOR_FIELD = 1364;

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return "Statement failed: " + (message == null ? cause.getClass().getName() : message);
    }
}
