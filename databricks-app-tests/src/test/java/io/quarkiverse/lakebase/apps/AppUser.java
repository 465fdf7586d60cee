package io.quarkiverse.lakebase.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Databricks Apps runs an app as a user that is not root. When the tests run as root, commands are run as
 * {@code nobody} instead; otherwise as the current user, who is not root either.
 */
final class AppUser {

    static final String NOBODY = "65534";

    private AppUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command, run as the app user; setpriv execs it in its own process, so the command keeps the pid. */
    static List<String> command(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> dropped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        dropped.addAll(command);
        return dropped;
    }

    /** A Python every user can run: the app user cannot reach an interpreter under root's home. */
    static String systemPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
                : "python3";
    }
}
