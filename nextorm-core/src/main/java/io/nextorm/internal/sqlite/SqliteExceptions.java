package io.nextorm.internal.sqlite;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * Maps sqlite-jdbc's errors to R2DBC's exception hierarchy by SQLite result code:
 * CONSTRAINT (and MISMATCH) to {@link R2dbcDataIntegrityViolationException} (with the SQL state
 * 23505 unique, 23503 foreign key, 23502 not null, 23514 check, 23000 otherwise), ERROR (syntax,
 * unknown table or column) to {@link R2dbcBadGrammarException} (42000), BUSY and LOCKED to
 * {@link R2dbcTransientResourceException}, INTERRUPT to {@link R2dbcTimeoutException}, PERM,
 * READONLY and AUTH to {@link R2dbcPermissionDeniedException}, CANTOPEN, IOERR, CORRUPT, FULL and
 * NOTADB to {@link R2dbcNonTransientResourceException}; the rest to a non-transient exception.
 * The error code is SQLite's extended result code.
 */
final class SqliteExceptions {

    private SqliteExceptions() {
    }

    /**
     * Translates an error thrown by JDBC work.
     *
     * @param error the error
     * @param sql the statement that failed, or null
     * @return the R2DBC exception, or the error itself when it is not a {@link SQLException}
     */
    static Throwable translate(Throwable error, String sql) {
        if (!(error instanceof SQLException e)) {
            return error;
        }
        String message = message(e) + (sql == null ? "" : " [SQL: " + sql + "]");
        int code = e.getErrorCode();
        if (!(e instanceof SQLiteException sqlite)) {
            return new SqliteR2dbcException(message, e.getSQLState(), code, sql, e);
        }
        SQLiteErrorCode result = sqlite.getResultCode();
        int extended = result.code;
        switch (extended & 0xFF) {
            case 19, 20:
                return new R2dbcDataIntegrityViolationException(message, constraintState(result), extended, sql, e);
            case 1:
                return new R2dbcBadGrammarException(message, "42000", extended, sql, e);
            case 5, 6:
                return new R2dbcTransientResourceException(message, "40001", extended, sql, e);
            case 9:
                return new R2dbcTimeoutException(message, "57014", extended, sql, e);
            case 3, 8, 23:
                return new R2dbcPermissionDeniedException(message, "42501", extended, sql, e);
            case 10, 11, 13, 14, 26:
                return new R2dbcNonTransientResourceException(message, "58030", extended, sql, e);
            default:
                return new SqliteR2dbcException(message, null, extended, sql, e);
        }
    }

    private static String constraintState(SQLiteErrorCode result) {
        return switch (result) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_ROWID -> "23505";
            case SQLITE_CONSTRAINT_FOREIGNKEY -> "23503";
            case SQLITE_CONSTRAINT_NOTNULL -> "23502";
            case SQLITE_CONSTRAINT_CHECK -> "23514";
            default -> "23000";
        };
    }

    private static String message(SQLException e) {
        // sqlite-jdbc writes "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.x)":
        // SQLite's own message first, then the code
        String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        int open = text.indexOf(" (");
        if (text.startsWith("[") && open > 0 && text.endsWith(")")) {
            String code = text.substring(1, text.indexOf(']'));
            return text.substring(open + 2, text.length() - 1) + " (" + code + ")";
        }
        return text;
    }

    /** An R2DBC exception for the SQLite errors R2DBC has no class for. */
    static final class SqliteR2dbcException extends R2dbcNonTransientException {

        private static final long serialVersionUID = 1L;

        SqliteR2dbcException(String message, String sqlState, int errorCode, String sql, Throwable cause) {
            super(message, sqlState, errorCode, sql, cause);
        }
    }
}
