package io.quarkiverse.lakebase.deployment.devservices;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkiverse.lakebase.runtime.config.DevServicesConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkus.deployment.builditem.Startable;

/**
 * The local Lakebase Dev Service: PostgreSQL plus the workspace emulator that rotates its password. Public so that
 * benchmarks and tests outside Quarkus can start one; the emulator is driven over HTTP ({@code /emulator/*}).
 */
public final class LocalLakebase implements Startable {

    public static final String DEFAULT_DATABASE = LakebaseDefaults.DATABASE;

    private final DevServicesConfig config;
    private LocalPostgres postgres;
    private WorkspaceEmulator workspace;

    public LocalLakebase(DevServicesConfig config) {
        this.config = config;
    }

    /** A local Lakebase outside Dev Services (tests, benchmarks): free ports, the default database. */
    public static LocalLakebase standalone(Duration tokenTtl) {
        return new LocalLakebase(new DevServicesConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration tokenTtl() {
                return tokenTtl;
            }

            @Override
            public Optional<Integer> port() {
                return Optional.empty();
            }

            @Override
            public Optional<Integer> emulatorPort() {
                return Optional.empty();
            }

            @Override
            public String database() {
                return DEFAULT_DATABASE;
            }

            @Override
            public Optional<List<String>> users() {
                return Optional.empty();
            }
        });
    }

    @Override
    public void start() {
        // the role of a service principal is its OAuth client id, as on Databricks Apps
        postgres = LocalPostgres.start(config.port().orElse(null), UUID.randomUUID().toString(), config.database());
        try {
            Set<String> users = new LinkedHashSet<>(config.users().orElse(List.of()));
            users.forEach(postgres::createUserRole);
            workspace = WorkspaceEmulator.start(config.emulatorPort().orElse(null), postgres, config.tokenTtl(), users);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String workspaceUrl() {
        return workspace.url();
    }

    public String clientId() {
        return workspace.clientId();
    }

    public String clientSecret() {
        return workspace.clientSecret();
    }

    /** The endpoint whose tokens the emulator mints. */
    public static String endpoint() {
        return WorkspaceEmulator.ENDPOINT;
    }

    LocalPostgres postgres() {
        return postgres;
    }

    WorkspaceEmulator workspace() {
        return workspace;
    }

    @Override
    public String getConnectionInfo() {
        return "PostgreSQL on 127.0.0.1:" + postgres.port() + ", Databricks workspace emulator at " + workspace.url();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
