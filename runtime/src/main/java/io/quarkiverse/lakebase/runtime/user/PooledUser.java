package io.quarkiverse.lakebase.runtime.user;

import java.sql.SQLException;

import javax.sql.DataSource;

import io.quarkiverse.lakebase.LakebaseUser;
import io.quarkiverse.lakebase.QueryResult;
import io.quarkiverse.lakebase.runtime.Statements;

/** A signed-in user and the connections that log in as the user. */
record PooledUser(String username, DataSource dataSource) implements LakebaseUser {

    @Override
    public QueryResult query(String sql, Object... params) throws SQLException {
        return Statements.run(dataSource, sql, params);
    }

    @Override
    public String toString() {
        return "LakebaseUser[" + username + "]";
    }
}
