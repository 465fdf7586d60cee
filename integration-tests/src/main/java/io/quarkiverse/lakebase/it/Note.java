package io.quarkiverse.lakebase.it;

/** A note, as its author sees it. */
public record Note(long id, String author, String body) {
}
