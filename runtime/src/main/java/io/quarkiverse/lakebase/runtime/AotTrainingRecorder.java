package io.quarkiverse.lakebase.runtime;

import io.quarkus.runtime.annotations.Recorder;

/**
 * Ends the training run that writes the Databricks Apps folder's AOT cache at deployment ({@code launcher.py
 * --write-aot-cache}) once static initialisation is done, before anything reaches a database or the workspace.
 */
@Recorder
public class AotTrainingRecorder {

    /** The system property of Quarkus' own archive generation, which the launcher's training run sets as well. */
    public static final String TRAINING_RUN = "quarkus.appcds.generate";

    public void endTrainingRun() {
        if (Boolean.getBoolean(TRAINING_RUN)) {
            // halt, not exit: shutdown hooks would wait for the application class whose initialisation this is;
            // the JVM writes the AOT cache either way
            Runtime.getRuntime().halt(0);
        }
    }
}
