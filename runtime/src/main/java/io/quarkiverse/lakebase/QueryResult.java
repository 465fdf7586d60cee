package io.quarkiverse.lakebase;

import java.util.List;
import java.util.Map;

/**
 * What {@link Lakebase#query(String, Object...)} returns: the rows of a query, or the update count of a statement.
 * Immutable; the connection it came from is already back in the pool.
 *
 * @param columns column labels in select order, empty for a statement without results
 * @param rows the rows, in order
 * @param updateCount rows changed by an INSERT, UPDATE or DELETE without RETURNING; -1 for a query
 */
public record QueryResult(List<String> columns, List<Row> rows, long updateCount) {

    /** One row: values by column label, in select order. */
    public record Row(Map<String, Object> values) {

        /** The value of a column, converted to the requested type where JDBC allows it. */
        public <T> T get(String column, Class<T> type) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("No column '" + column + "' in " + values.keySet());
            }
            Object value = values.get(column);
            if (value == null) {
                return null;
            }
            if (type.isInstance(value)) {
                return type.cast(value);
            }
            if (value instanceof Number number && Number.class.isAssignableFrom(type)) {
                return type.cast(convertNumber(number, type));
            }
            if (type == String.class) {
                return type.cast(value.toString());
            }
            throw new ClassCastException("Column '" + column + "' holds a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }

        private static Object convertNumber(Number number, Class<?> type) {
            if (type == Long.class) {
                return number.longValue();
            }
            if (type == Integer.class) {
                return number.intValue();
            }
            if (type == Double.class) {
                return number.doubleValue();
            }
            throw new ClassCastException("Cannot convert " + number.getClass().getName() + " to " + type.getName());
        }
    }
}
