package io.quarkiverse.lakebase.runtime.agent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Runs one reading statement for an agent inside a read-only transaction that is always rolled back, with a statement
 * time-out, and answers in text: the rows, or why nothing was run or what failed. The connection goes back to the pool
 * as it came (auto-commit restored), so the application's own use of the pool is untouched.
 */
public final class ReadOnlyQuery {

    private final DataSource dataSource;
    private final int maxRows;
    private final Duration timeout;

    public ReadOnlyQuery(DataSource dataSource, int maxRows, Duration timeout) {
        this.dataSource = dataSource;
        this.maxRows = maxRows;
        this.timeout = timeout;
    }

    public String run(String sql) {
        ReadOnlyStatement.Verdict verdict = ReadOnlyStatement.check(sql);
        if (verdict.statement().isEmpty()) {
            return "Refused: " + verdict.refusal() + ". Nothing was run.";
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // the first statements of the transaction: PostgreSQL then refuses any write, whatever the SQL hides
                statement.execute("SET TRANSACTION READ ONLY");
                statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                statement.setMaxRows(maxRows + 1);
                if (!statement.execute(verdict.statement().get())) {
                    return "The statement returned no rows.";
                }
                try (ResultSet rows = statement.getResultSet()) {
                    return RowsAsText.of(rows, maxRows);
                }
            } finally {
                connection.rollback();
                // session-level advisory locks outlive the rollback: none may go back to the pool with the connection
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock_all()");
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            return "Query failed (SQLState " + e.getSQLState() + "): " + e.getMessage();
        }
    }
}
