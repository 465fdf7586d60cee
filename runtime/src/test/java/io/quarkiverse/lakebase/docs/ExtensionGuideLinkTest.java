package io.quarkiverse.lakebase.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The extension's metadata links its guide (code.quarkus.io and the Quarkus CLI show it); the link must be where the
 * Quarkiverse docs site publishes this Antora component, {@code https://docs.quarkiverse.io/<name>/<version>/}, so
 * renaming the component or its version without the link fails here.
 */
class ExtensionGuideLinkTest {

    private static final Path METADATA = Path.of("src/main/resources/META-INF/quarkus-extension.yaml");
    private static final Path ANTORA = Path.of("../docs/antora.yml");

    @Test
    void theGuideLinkIsTheDocsSiteOfThisComponent() throws IOException {
        String antora = Files.readString(ANTORA);
        String expected = "https://docs.quarkiverse.io/" + topLevel(antora, "name") + "/" + topLevel(antora, "version")
                + "/";

        assertThat(value(Files.readString(METADATA), "^\\s+guide:\\s*\"?([^\"\\s]+)\"?\\s*$")).isEqualTo(expected);
    }

    private static String topLevel(String yaml, String key) {
        return value(yaml, "^" + key + ":\\s*(\\S+)\\s*$");
    }

    private static String value(String yaml, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(yaml);
        assertThat(matcher.find()).as("no match for " + regex).isTrue();
        return matcher.group(1);
    }
}
