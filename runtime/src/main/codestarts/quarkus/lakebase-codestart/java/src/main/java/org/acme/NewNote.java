package org.acme;

/** The body of a request that writes a note. */
public record NewNote(String text) {
}
