package io.quarkiverse.lakebase.benchmark;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.deployment.devservices.LocalLakebase;
import io.quarkiverse.lakebase.runtime.Lazy;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.config.WorkspaceConfig;
import io.quarkiverse.lakebase.runtime.databricks.DatabricksTokenSource;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApisFactory;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.quarkiverse.lakebase.runtime.jdbc.LoginRecovery;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;
import io.quarkiverse.lakebase.runtime.token.RefreshMode;
import io.quarkiverse.lakebase.runtime.token.RefreshPolicy;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The pools compared: one that logs in with the extension's token cache, exactly as Quarkus wires the credentials
 * provider into Agroal, and one with a static password on the same PostgreSQL.
 */
final class Pools {

    static final String STATIC_ROLE = "static_password_role";
    static final String STATIC_PASSWORD = "static-password-for-the-baseline";

    private final LocalLakebase lakebase;
    private final Lazy<WorkspaceApis> workspace;

    Pools(LocalLakebase lakebase) {
        this.lakebase = lakebase;
        WorkspaceConfig config = new WorkspaceConfig() {
            @Override
            public Optional<String> host() {
                return Optional.of(lakebase.workspaceUrl());
            }

            @Override
            public Optional<String> authType() {
                return Optional.of("oauth-m2m");
            }

            @Override
            public Optional<String> profile() {
                return Optional.empty();
            }

            @Override
            public Optional<String> clientId() {
                return Optional.of(lakebase.clientId());
            }

            @Override
            public Optional<String> clientSecret() {
                return Optional.of(lakebase.clientSecret());
            }

            @Override
            public Duration httpTimeout() {
                return Duration.ofSeconds(30);
            }
        };
        this.workspace = Lazy.of(() -> WorkspaceApisFactory.create(config));
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + lakebase.postgresPort() + "/databricks_postgres";
    }

    String role() {
        return lakebase.clientId();
    }

    /** A started token cache; the caller closes it (and its scheduler) when done. */
    TokenCache tokenCache(RefreshMode mode, ExecutorRefreshScheduler scheduler) {
        TokenCache cache = new TokenCache(
                new DatabricksTokenSource(workspace, LocalLakebase.endpoint(), Optional.empty(), Clock.systemUTC(),
                        PropertyNames.of(DataSourceUtil.DEFAULT_DATASOURCE_NAME)),
                Clock.systemUTC(), scheduler,
                new RefreshPolicy(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofSeconds(30), () -> ThreadLocalRandom.current().nextDouble()),
                new RefreshListener() {
                }, mode);
        cache.start(true, Duration.ofSeconds(60));
        // as the extension does: a login refused during a rotation is retried with the token that replaced it
        ConnectionEvents.addRecovery(new LoginRecovery() {
            @Override
            public Optional<String> passwordAfterRejection(String rejectedPassword) {
                return cache.afterRejectedLogin(rejectedPassword, Duration.ofSeconds(30)).map(DatabaseToken::secret);
            }

            @Override
            public Duration wakeUpTimeout() {
                return Duration.ofSeconds(15);
            }
        });
        return cache;
    }

    AgroalDataSource lakebasePool(TokenCache cache, int maxSize, Duration maxLifetime) throws SQLException {
        // what Quarkus does with a credentials provider: ask it for the login of each new physical connection
        SimplePassword login = new SimplePassword("lakebase") {
            @Override
            public Properties asProperties() {
                Properties properties = new Properties();
                properties.setProperty("user", role());
                properties.setProperty("password",
                        cache.tokenAsync(Duration.ofSeconds(60)).toCompletableFuture().join().secret());
                return properties;
            }
        };
        return pool(maxSize, maxLifetime, LakebaseDriver.class, role(), login);
    }

    AgroalDataSource staticPool(int maxSize, Duration maxLifetime) throws SQLException {
        return pool(maxSize, maxLifetime, org.postgresql.Driver.class, STATIC_ROLE, new SimplePassword(STATIC_PASSWORD));
    }

    private AgroalDataSource pool(int maxSize, Duration maxLifetime, Class<?> driver, String user, Object credential)
            throws SQLException {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool -> pool.maxSize(maxSize).minSize(0)
                        .acquisitionTimeout(Duration.ofSeconds(60)).maxLifetime(maxLifetime)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url())
                                .connectionProviderClass(driver).principal(new NamePrincipal(user))
                                .credential(credential)));
        return AgroalDataSource.from(configuration);
    }
}
