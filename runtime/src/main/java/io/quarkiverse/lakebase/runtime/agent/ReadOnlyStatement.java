package io.quarkiverse.lakebase.runtime.agent;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a text an agent wrote is one reading statement: one statement (a trailing semicolon allowed) whose
 * first keyword reads. Comments, quoted strings, quoted identifiers and dollar-quoted bodies are skipped, so a semicolon
 * or a keyword inside them counts for nothing. This is the first line of defence only: the statement then runs in a
 * read-only transaction, which PostgreSQL enforces whatever a statement hides (a data-modifying CTE, a function that
 * writes).
 */
public final class ReadOnlyStatement {

    private static final Set<String> READING = Set.of("select", "with", "values", "table", "show", "explain");

    private ReadOnlyStatement() {
    }

    /** The statement without its trailing semicolon; or why it is refused, in words an agent can act on. */
    public record Verdict(Optional<String> statement, String refusal) {

        static Verdict accepted(String statement) {
            return new Verdict(Optional.of(statement), null);
        }

        static Verdict refused(String reason) {
            return new Verdict(Optional.empty(), reason);
        }
    }

    public static Verdict check(String sql) {
        if (sql == null || sql.isBlank()) {
            return Verdict.refused("no statement was given");
        }
        StringBuilder code = new StringBuilder();
        int end = sql.length();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && next(sql, i) == '-') {
                i = lineEnd(sql, i);
            } else if (c == '/' && next(sql, i) == '*') {
                i = blockCommentEnd(sql, i);
                if (i < 0) {
                    return Verdict.refused("a /* comment is not closed");
                }
            } else if (c == '\'' || c == '"') {
                int closed = quoteEnd(sql, i, c);
                if (closed < 0) {
                    return Verdict.refused("a quoted string or identifier is not closed");
                }
                code.append(' ');
                i = closed;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int closed = sql.indexOf(tag, i + tag.length());
                if (closed < 0) {
                    return Verdict.refused("a dollar-quoted string is not closed");
                }
                code.append(' ');
                i = closed + tag.length();
            } else if (c == ';') {
                if (!onlyCommentsAndSpaceAfter(sql, i + 1)) {
                    return Verdict.refused("only one statement may be given; remove the ';' between statements");
                }
                end = i;
                break;
            } else {
                code.append(c);
                i++;
            }
        }
        String keyword = firstWord(code.toString());
        if (!READING.contains(keyword)) {
            return Verdict.refused(keyword.isEmpty() ? "no statement was given"
                    : "only reading statements run here (SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN), not "
                            + keyword.toUpperCase(Locale.ROOT));
        }
        return Verdict.accepted(sql.substring(0, end).strip());
    }

    private static char next(String sql, int i) {
        return i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
    }

    private static int lineEnd(String sql, int i) {
        int newline = sql.indexOf('\n', i);
        return newline < 0 ? sql.length() : newline + 1;
    }

    /** PostgreSQL's block comments nest. */
    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        for (int i = start; i < sql.length() - 1; i++) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i++;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i++;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** The index after the closing quote; a doubled quote is an escaped one. */
    private static int quoteEnd(String sql, int start, char quote) {
        for (int i = start + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == quote) {
                if (next(sql, i) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** {@code $$} or {@code $tag$} starting here, or null. */
    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        boolean validTag = i == start + 1 || !Character.isDigit(sql.charAt(start + 1));
        return i < sql.length() && sql.charAt(i) == '$' && validTag ? sql.substring(start, i + 1) : null;
    }

    private static boolean onlyCommentsAndSpaceAfter(String sql, int start) {
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next(sql, i) == '-') {
                i = lineEnd(sql, i);
            } else if (c == '/' && next(sql, i) == '*') {
                i = blockCommentEnd(sql, i);
                if (i < 0) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /** The first keyword, past the parentheses a query may open with. */
    private static String firstWord(String code) {
        String trimmed = code.replaceFirst("^[\\s(]+", "");
        int i = 0;
        while (i < trimmed.length() && Character.isLetter(trimmed.charAt(i))) {
            i++;
        }
        return trimmed.substring(0, i).toLowerCase(Locale.ROOT);
    }
}
