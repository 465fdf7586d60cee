package io.quarkiverse.lakebase;

import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogin;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.LakebaseSettings;
import io.quarkiverse.lakebase.runtime.Lazy;
import io.quarkiverse.lakebase.runtime.Statements;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.user.UserPools;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * A Lakebase datasource the way Databricks AppKit's Lakebase plugin offers it: {@code query(sql, params)}, the pool,
 * and the connection settings for libraries that connect on their own; and its login state. Every part shares the
 * datasource's one token cache. Inject it where a {@code DataSource} is not enough: {@code @Inject Lakebase} is the
 * default datasource, {@code @Inject @io.quarkus.agroal.DataSource("reports") Lakebase} the datasource configured with
 * {@code quarkus.lakebase."reports".*}.
 * <p>
 * The extension creates one such bean per Lakebase datasource; applications inject it rather than construct it.
 */
public class Lakebase {

    private final String datasource;
    private final Supplier<AgroalDataSource> dataSource;
    private final LakebaseLogins logins;
    private final LakebaseRuntimeConfig config;
    private final Supplier<UserPools> users;

    /**
     * The Lakebase API of one datasource. The pool and the users' pools are looked up on first use, so the bean of a
     * datasource that is inactive can still be injected.
     *
     * @param datasource the Quarkus name of the datasource, {@code <default>} for the default one
     * @param dataSource finds the datasource's pool
     * @param logins the logins of the Lakebase datasources
     * @param config the Lakebase configuration
     * @param users finds the pools of signed-in users; only the default datasource has them
     */
    public Lakebase(String datasource, Supplier<AgroalDataSource> dataSource, LakebaseLogins logins,
            LakebaseRuntimeConfig config, Supplier<UserPools> users) {
        this.datasource = datasource;
        this.dataSource = Lazy.of(dataSource);
        this.logins = logins;
        this.config = config;
        this.users = users;
    }

    /** The Quarkus name of the datasource: {@code <default>} for the default one. */
    public String datasource() {
        return datasource;
    }

    /**
     * Runs one statement with bind parameters ({@code ?}) on a pooled connection and returns its rows, or its update
     * count. The connection, statement and result set are always closed.
     */
    public QueryResult query(String sql, Object... params) throws SQLException {
        return Statements.run(dataSource(), sql, params);
    }

    /**
     * The datasource as the signed-in user of the current HTTP request, as AppKit's {@code asUser(req)}: its queries
     * and connections log in as the user's PostgreSQL role, so PostgreSQL's grants and row-level security apply to the
     * user. The request's forwarded access token ({@code X-Forwarded-Access-Token}) says who the user is. Only the
     * default datasource acts on behalf of users.
     *
     * @throws NoSignedInUserException when the request has no signed-in user
     * @throws UnsupportedOperationException on a named datasource
     */
    public LakebaseUser asUser() {
        return userPools().forCurrentRequest();
    }

    /**
     * The datasource as the user whose access token this is, outside an HTTP request (a message carrying the token, a
     * job acting for a user). Only the default datasource acts on behalf of users.
     *
     * @throws UnsupportedOperationException on a named datasource
     */
    public LakebaseUser asUser(String accessToken) {
        return userPools().forAccessToken(accessToken);
    }

    /**
     * The pool itself. Like an injected {@code AgroalDataSource}, the pool of an inactive datasource fails when it is
     * used, with Quarkus' {@code InactiveBeanException}.
     */
    public AgroalDataSource dataSource() {
        return dataSource.get();
    }

    /** The datasource's login state now: healthy or why not, and the token's life. */
    public LakebaseStatus status() {
        return logins.status(datasource);
    }

    /**
     * Mints a new token for this datasource now, whatever the schedule, as the Dev UI's "refresh token now" does; joins
     * a mint already in flight. Datasources that log in to the same endpoint as the same identity share their token,
     * so they see the new one too. The stage completes with the new status, or fails with a
     * {@link TokenUnavailableException} that says why. Nothing happens with a native password.
     */
    public CompletionStage<LakebaseStatus> refreshToken() {
        return logins.refreshToken(datasource);
    }

    /** The datasource's host, port, database, role, SSL mode, JDBC URL, and a supplier of the current password. */
    public LakebaseConnectionConfig connectionConfig() {
        LakebaseLogin login = logins.login(datasource);
        LakebaseSettings settings = login.settings();
        String sslMode = config.datasource(datasource).sslMode().libpqName();
        String jdbcUrl = "jdbc:" + LakebaseDefaults.postgresqlUrl(settings.host(), String.valueOf(settings.port()),
                settings.database()) + "?sslmode=" + sslMode;
        return new LakebaseConnectionConfig(settings.host(), settings.port(), settings.database(), login.username(),
                sslMode, jdbcUrl, login::currentPassword);
    }

    private UserPools userPools() {
        if (!DataSourceUtil.isDefault(datasource)) {
            throw new UnsupportedOperationException("Lakebase datasource '" + datasource + "' does not act on behalf"
                    + " of signed-in users: only the default datasource does; use its Lakebase bean (@Inject Lakebase)");
        }
        return users.get();
    }
}
