package io.quarkiverse.lakebase.deployment;

import io.quarkiverse.lakebase.runtime.config.PrioritizedInterceptor;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Build-time configuration only (this class never reaches the application):
 * <ul>
 * <li>lets build steps see the Databricks Apps environment variables, so Dev Services stay off when {@code PGHOST} is
 * set;</li>
 * <li>makes the default datasource a PostgreSQL one, opened through {@link LakebaseDriver}; the user's
 * {@code quarkus.datasource.db-kind} and {@code jdbc.driver} still win;</li>
 * <li>turns off the Testcontainers PostgreSQL Dev Service that {@code quarkus-jdbc-postgresql} brings: the local
 * Lakebase replaces it, needs no Docker, and that one fails test mode without Docker;</li>
 * <li>collects Agroal's pool metrics ({@code jdbc.metrics.enabled}, a build-time property), which the pool gauges and
 * the Dev UI read; without them Agroal reports zeros;</li>
 * <li>does the same for each datasource named in {@code quarkus.lakebase."name".*};</li>
 * <li>silences the report of Testcontainers' Docker probe: in dev mode Quarkus asks whether a container runtime is
 * available for every Dev Service it lists, the local Lakebase included, and on a machine without Docker Testcontainers
 * answers with an ERROR, although nothing needs a container. A Dev Service that does still fails with Quarkus' own
 * message; the application's log settings win.</li>
 * </ul>
 */
public class LakebaseBuildConfigCustomizer implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withInterceptorFactories(PrioritizedInterceptor.lakebaseInterceptors(false))
                .withDefaultValue("quarkus.datasource.db-kind", "postgresql")
                .withDefaultValue("quarkus.datasource.jdbc.driver", LakebaseDriver.class.getName())
                .withDefaultValue("quarkus.datasource.devservices.enabled", "false")
                .withDefaultValue("quarkus.datasource.jdbc.metrics.enabled", "true")
                .withDefaultValue("quarkus.log.category.\"org.testcontainers.dockerclient\".level", "OFF")
                .withDefaultValue("quarkus.log.category.\"org.testcontainers.DockerClientFactory\".level", "WARN")
                .withSources(new NamedDatasourceKinds());
    }
}
