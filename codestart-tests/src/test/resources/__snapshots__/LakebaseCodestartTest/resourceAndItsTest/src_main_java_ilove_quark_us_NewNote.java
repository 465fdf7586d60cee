package ilove.quark.us;

/** The body of a request that writes a note. */
public record NewNote(String text) {
}
