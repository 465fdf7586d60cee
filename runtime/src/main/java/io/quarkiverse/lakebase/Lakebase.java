package io.quarkiverse.lakebase;

import java.sql.SQLException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogin;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.LakebaseSettings;
import io.quarkiverse.lakebase.runtime.Statements;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.user.UserPools;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The default Lakebase datasource the way Databricks AppKit's Lakebase plugin offers it: {@code query(sql, params)}, the
 * pool, and the connection settings for libraries that connect on their own; and its login state. Every part shares the
 * datasource's one token cache. Inject it where a {@code DataSource} is not enough.
 */
@Singleton
public class Lakebase {

    private final AgroalDataSource dataSource;
    private final LakebaseLogins logins;
    private final LakebaseRuntimeConfig config;
    private final Instance<UserPools> users;

    public Lakebase(AgroalDataSource dataSource, LakebaseLogins logins, LakebaseRuntimeConfig config,
            Instance<UserPools> users) {
        this.dataSource = dataSource;
        this.logins = logins;
        this.config = config;
        this.users = users;
    }

    /**
     * Runs one statement with bind parameters ({@code ?}) on a pooled connection and returns its rows, or its update
     * count. The connection, statement and result set are always closed.
     */
    public QueryResult query(String sql, Object... params) throws SQLException {
        return Statements.run(dataSource, sql, params);
    }

    /**
     * The datasource as the signed-in user of the current HTTP request, as AppKit's {@code asUser(req)}: its queries
     * and connections log in as the user's PostgreSQL role, so PostgreSQL's grants and row-level security apply to the
     * user. The request's forwarded access token ({@code X-Forwarded-Access-Token}) says who the user is.
     *
     * @throws NoSignedInUserException when the request has no signed-in user
     */
    public LakebaseUser asUser() {
        return users.get().forCurrentRequest();
    }

    /**
     * The datasource as the user whose access token this is, outside an HTTP request (a message carrying the token, a
     * job acting for a user).
     */
    public LakebaseUser asUser(String accessToken) {
        return users.get().forAccessToken(accessToken);
    }

    /** The pool itself. */
    public AgroalDataSource dataSource() {
        return dataSource;
    }

    /** The login state now: healthy or why not, and the token's life. */
    public LakebaseStatus status() {
        return logins.status();
    }

    /**
     * Mints a new token now, whatever the schedule, as the Dev UI's "refresh token now" does; joins a mint already in
     * flight. The stage completes with the new status, or fails with a {@link TokenUnavailableException} that says
     * why. Nothing happens with a native password.
     */
    public CompletionStage<LakebaseStatus> refreshToken() {
        return logins.refreshToken();
    }

    /** Host, port, database, role, SSL mode, JDBC URL, and a supplier of the current password. */
    public LakebaseConnectionConfig connectionConfig() {
        LakebaseLogin login = logins.login();
        LakebaseSettings settings = login.settings();
        String sslMode = config.datasource(DataSourceUtil.DEFAULT_DATASOURCE_NAME).sslMode().libpqName();
        String jdbcUrl = "jdbc:" + LakebaseDefaults.postgresqlUrl(settings.host(), String.valueOf(settings.port()),
                settings.database()) + "?sslmode=" + sslMode;
        return new LakebaseConnectionConfig(settings.host(), settings.port(), settings.database(), login.username(),
                sslMode, jdbcUrl, login::currentPassword);
    }
}
