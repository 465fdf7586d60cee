package io.quarkiverse.lakebase.runtime;

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

import javax.sql.DataSource;

import io.quarkiverse.lakebase.QueryResult;

/**
 * Runs one statement for {@code Lakebase.query} and {@code LakebaseUser.query}: bind parameters, rows read into an
 * immutable {@link QueryResult}, and the connection, statement and result set always closed.
 */
public final class Statements {

    /** Dates and times as java.time values rather than the legacy java.sql types. */
    private static final Map<String, Class<?>> JAVA_TIME = Map.of(
            "timestamptz", OffsetDateTime.class,
            "timestamp", LocalDateTime.class,
            "date", LocalDate.class,
            "time", LocalTime.class);

    private Statements() {
    }

    /** Runs one statement with bind parameters ({@code ?}) and returns its rows, or its update count. */
    public static QueryResult run(DataSource dataSource, String sql, Object... params) throws SQLException {
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
