package io.quarkiverse.lakebase.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The troubleshooting page promises every message the extension can fail with: each fixed part of the message of every
 * exception the runtime raises (those of ten characters or more) appears on it, so a new message cannot ship
 * undocumented.
 */
class TroubleshootingListsEveryMessageTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path PAGE = Path.of("../docs/modules/ROOT/pages/troubleshooting.adoc");
    /** The exceptions a user meets, up to the opening parenthesis of their message argument. */
    private static final Pattern RAISED = Pattern.compile(
            "(?:new (?:LakebaseConfigurationException|TokenUnavailableException|NoSignedInUserException|"
                    + "TokenRefreshException|DatabricksException)|TokenRefreshException\\.\\w+Failure)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyFixedPartOfEveryMessageIsOnThePage() throws IOException {
        String page = Files.readString(PAGE).replaceAll("\\s+", " ");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                for (String fragment : messageFragments(Files.readString(file))) {
                    if (!page.contains(fragment)) {
                        missing.add(file.getFileName() + ": " + fragment);
                    }
                }
            }
        }
        assertThat(missing).as("message parts missing from " + PAGE).isEmpty();
    }

    /** The string literals of each raised exception's first argument, trimmed, of ten characters or more. */
    private static List<String> messageFragments(String source) {
        List<String> fragments = new ArrayList<>();
        Matcher raised = RAISED.matcher(source);
        while (raised.find()) {
            String argument = firstArgument(source, raised.end());
            Matcher literal = LITERAL.matcher(argument);
            while (literal.find()) {
                String text = literal.group(1).replace("\\'", "'").replace("\\\"", "\"").trim();
                if (text.length() >= 10) {
                    fragments.add(text.replaceAll("\\s+", " "));
                }
            }
        }
        return fragments;
    }

    /** The text of the first argument: up to the comma or parenthesis that closes it, outside strings. */
    private static String firstArgument(String source, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if ((c == ')' || c == ',') && depth == 0) {
                return source.substring(start, i);
            } else if (c == ')') {
                depth--;
            }
        }
        return source.substring(start);
    }
}
