package org.acme;

import io.quarkiverse.lakebase.QueryResult;

/**
 * A note as stored in the table app.notes.
 *
 * @param writtenBy the PostgreSQL role that wrote it: the one the Lakebase datasource logs in as
 */
public record Note(long id, String text, String writtenBy) {

    static Note of(QueryResult.Row row) {
        return new Note(row.get("id", Long.class), row.get("text", String.class), row.get("written_by", String.class));
    }
}
