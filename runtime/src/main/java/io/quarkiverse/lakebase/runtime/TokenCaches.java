package io.quarkiverse.lakebase.runtime;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.config.TokenClaimsConfig;
import io.quarkiverse.lakebase.runtime.config.TokenConfig;
import io.quarkiverse.lakebase.runtime.config.WorkspaceConfig;
import io.quarkiverse.lakebase.runtime.databricks.DatabricksTokenSource;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApisFactory;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;
import io.quarkiverse.lakebase.runtime.token.RefreshListeners;
import io.quarkiverse.lakebase.runtime.token.TokenCache;

/**
 * One token cache per endpoint and Databricks identity: datasources that log in to the same endpoint as the same
 * identity share one token and one mint, and each other endpoint has a token of its own. The first datasource of a
 * pair decides the refresh settings of the cache they share.
 */
final class TokenCaches implements AutoCloseable {

    private final List<RefreshListener> observers;
    private final Map<Identity, Shared> caches = new ConcurrentHashMap<>();
    /** The application's own workspace client ({@code @LakebaseWorkspace}); null to build one per identity. */
    private final Supplier<WorkspaceApis> applicationWorkspace;

    TokenCaches(List<RefreshListener> observers, Supplier<WorkspaceApis> applicationWorkspace) {
        this.observers = List.copyOf(observers);
        this.applicationWorkspace = applicationWorkspace;
    }

    /** The cache of the endpoint and identity the datasource is configured with; created on first use. */
    Shared forDatasource(String endpoint, LakebaseDatasourceConfig config, PropertyNames properties) {
        return caches.computeIfAbsent(Identity.of(endpoint, config.databricks(), config.token()),
                identity -> create(endpoint, config, properties));
    }

    /** Every cache, once each. */
    List<Shared> all() {
        return new ArrayList<>(caches.values());
    }

    private Shared create(String endpoint, LakebaseDatasourceConfig config, PropertyNames properties) {
        TokenConfig token = config.token();
        Clock clock = Clock.systemUTC();
        Random random = new SecureRandom();
        Lazy<WorkspaceApis> workspace = Lazy.of(applicationWorkspace != null ? applicationWorkspace
                : () -> WorkspaceApisFactory.create(config.databricks()));
        ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
        LakebaseLog log = new LakebaseLog(endpoint);
        List<RefreshListener> listeners = new ArrayList<>();
        listeners.add(log);
        observers.forEach(observer -> listeners.add(observer.forEndpoint(endpoint)));
        TokenCache cache = new TokenCache(
                new DatabricksTokenSource(workspace, endpoint, token.ttl(), clock, properties).withClaims(token.claims()),
                clock, scheduler,
                token.refreshPolicy(random::nextDouble),
                new RefreshListeners(listeners), token.refreshMode());
        return new Shared(endpoint, cache, workspace, scheduler);
    }

    @Override
    public void close() {
        caches.values().forEach(Shared::close);
        caches.clear();
    }

    /** A token cache, the workspace client that feeds it, and its refresh thread. */
    record Shared(String endpoint, TokenCache cache, Lazy<WorkspaceApis> workspace,
            ExecutorRefreshScheduler scheduler) implements AutoCloseable {

        @Override
        public void close() {
            cache.close();
            scheduler.close();
        }
    }

    /**
     * What makes two datasources' tokens interchangeable: the endpoint, who asks for the token, its lifetime, and the
     * permissions it carries.
     * <p>
     * {@code equals} and {@code hashCode} are written out: a record's own are bootstrapped through method handles the
     * first time they run, dozens of generated classes on the way to the application's first connection.
     */
    private record Identity(String endpoint, Optional<String> workspaceHost, Optional<String> authType,
            Optional<String> profile, Optional<String> clientId, Optional<Duration> ttl,
            Optional<TokenClaimsConfig.PermissionSet> permissionSet, List<String> claimedTables) {

        static Identity of(String endpoint, WorkspaceConfig workspace, TokenConfig token) {
            return new Identity(endpoint, workspace.host(), workspace.authType(), workspace.profile(),
                    workspace.clientId(), token.ttl(), token.claims().permissionSet(),
                    token.claims().tables().orElse(List.of()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && endpoint.equals(that.endpoint)
                    && workspaceHost.equals(that.workspaceHost) && authType.equals(that.authType)
                    && profile.equals(that.profile) && clientId.equals(that.clientId) && ttl.equals(that.ttl)
                    && permissionSet.equals(that.permissionSet) && claimedTables.equals(that.claimedTables);
        }

        @Override
        public int hashCode() {
            return Objects.hash(endpoint, workspaceHost, authType, profile, clientId, ttl, permissionSet, claimedTables);
        }
    }
}
