package io.quarkiverse.lakebase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogin;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.LakebaseSettings;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The default Lakebase datasource the way Databricks AppKit's Lakebase plugin offers it: {@code query(sql, params)}, the
 * pool, and the connection settings for libraries that connect on their own; and its login state. Every part shares the
 * datasource's one token cache. Inject it where a {@code DataSource} is not enough.
 */
@Singleton
public class Lakebase {

    /** Dates and times as java.time values rather than the legacy java.sql types. */
    private static final Map<String, Class<?>> JAVA_TIME = Map.of(
            "timestamptz", OffsetDateTime.class,
            "timestamp", LocalDateTime.class,
            "date", LocalDate.class,
            "time", LocalTime.class);

    private final AgroalDataSource dataSource;
    private final LakebaseLogins logins;
    private final LakebaseRuntimeConfig config;

    public Lakebase(AgroalDataSource dataSource, LakebaseLogins logins, LakebaseRuntimeConfig config) {
        this.dataSource = dataSource;
        this.logins = logins;
        this.config = config;
    }

    /**
     * Runs one statement with bind parameters ({@code ?}) on a pooled connection and returns its rows, or its update
     * count. The connection, statement and result set are always closed.
     */
    public QueryResult query(String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            if (!statement.execute()) {
                return new QueryResult(List.of(), List.of(), statement.getUpdateCount());
            }
            try (ResultSet rows = statement.getResultSet()) {
                return read(rows);
            }
        }
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

    private static QueryResult read(ResultSet rows) throws SQLException {
        ResultSetMetaData metaData = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        List<Class<?>> javaTimeTypes = new ArrayList<>();
        for (int column = 1; column <= metaData.getColumnCount(); column++) {
            columns.add(metaData.getColumnLabel(column));
            javaTimeTypes.add(JAVA_TIME.get(metaData.getColumnTypeName(column)));
        }
        List<QueryResult.Row> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int column = 1; column <= columns.size(); column++) {
                Class<?> javaTime = javaTimeTypes.get(column - 1);
                values.put(columns.get(column - 1), javaTime == null ? rows.getObject(column)
                        : rows.getObject(column, javaTime));
            }
            result.add(new QueryResult.Row(Collections.unmodifiableMap(values)));
        }
        return new QueryResult(List.copyOf(columns), List.copyOf(result), -1);
    }
}
