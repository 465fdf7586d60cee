package io.quarkiverse.lakebase;

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The default Lakebase datasource as one signed-in user, as {@link Lakebase#asUser()} gives it: the same operations as
 * {@link Lakebase}, logged in as the user's PostgreSQL role.
 */
public interface LakebaseUser {

    /** The user's PostgreSQL role: the user's name in the workspace. */
    String username();

    /** Connections that log in as the user, from the user's own pool. */
    DataSource dataSource();

    /** Runs one statement as the user, as {@link Lakebase#query(String, Object...)} does. */
    QueryResult query(String sql, Object... params) throws SQLException;
}
