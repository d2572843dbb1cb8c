package org.candor.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure that means "the database is not answering right now" (restarting, unreachable, out of connections)
 * from every other failure: the first is a 503 with "try again in a moment", never a 500 or a sign-in failure.
 */
public final class DatabaseDown {

    private DatabaseDown() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting; 53300: too many
                // connections. The pool says "acquisition timeout" when it cannot get one in time.
                if (state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT)
                        .contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
