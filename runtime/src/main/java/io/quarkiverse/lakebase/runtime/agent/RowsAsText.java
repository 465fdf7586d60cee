package io.quarkiverse.lakebase.runtime.agent;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * Rows as a model reads them best: a header of column names, one line per row, values separated by {@code |},
 * {@code NULL} for nulls, long values cut, and a last line that says how many rows there were and whether more were left
 * out.
 */
final class RowsAsText {

    private static final int MAX_VALUE_LENGTH = 200;

    private RowsAsText() {
    }

    /** Reads up to {@code maxRows} rows; one more row in the result set means some were left out. */
    static String of(ResultSet rows, int maxRows) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        StringBuilder text = new StringBuilder();
        StringJoiner header = new StringJoiner(" | ");
        for (int column = 1; column <= columns.getColumnCount(); column++) {
            header.add(columns.getColumnLabel(column));
        }
        text.append(header).append('\n');
        int count = 0;
        boolean more = false;
        while (rows.next()) {
            if (count == maxRows) {
                more = true;
                break;
            }
            StringJoiner line = new StringJoiner(" | ");
            for (int column = 1; column <= columns.getColumnCount(); column++) {
                line.add(value(rows.getString(column)));
            }
            text.append(line).append('\n');
            count++;
        }
        text.append(more ? "(first " + count + " rows; more were not returned)"
                : "(" + count + (count == 1 ? " row)" : " rows)"));
        return text.toString();
    }

    private static String value(String value) {
        if (value == null) {
            return "NULL";
        }
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_VALUE_LENGTH ? oneLine : oneLine.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
