package io.quarkiverse.lakebase.runtime.devui;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.quarkiverse.lakebase.LakebaseStatus;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.LakebasePools;

/**
 * The Dev UI card's backend: for every Lakebase datasource, its login's status and its pool's counts, "refresh token
 * now" and "flush pool". Shows no secret: the status holds none, and neither do the pool's counts.
 */
public class LakebaseJsonRpcService {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LakebaseLogins credentials;

    public LakebaseJsonRpcService(LakebaseLogins credentials) {
        this.credentials = credentials;
    }

    /**
     * One entry per Lakebase datasource, the default one first: {@code datasource} (its Quarkus name),
     * {@code healthy}, {@code reason} when not, the status details, and when the pool is active and collects metrics,
     * {@code poolActive}, {@code poolIdle} and {@code poolWaiting}.
     */
    public List<Map<String, Object>> getStatus() {
        return credentials.datasources().stream().map(this::view).toList();
    }

    /** Mints a new token for the datasource (and those sharing its token), waits for it, and shows every datasource. */
    public List<Map<String, Object>> refreshTokenNow(String datasource) {
        String known = lakebaseDatasource(datasource);
        try {
            credentials.refreshToken(known).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the failure is part of the status shown next
        }
        return getStatus();
    }

    /**
     * Closes the datasource's idle connections, and its connections in use once they are returned, so the next ones
     * log in anew; other datasources' pools are left alone. Shows every datasource.
     */
    public List<Map<String, Object>> flushPool(String datasource) {
        LakebasePools.active(lakebaseDatasource(datasource))
                .ifPresent(pool -> pool.flush(AgroalDataSource.FlushMode.GRACEFUL));
        return getStatus();
    }

    private Map<String, Object> view(String datasource) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("datasource", datasource);
        try {
            LakebaseStatus status = credentials.status(datasource);
            view.put("healthy", status.healthy());
            status.unhealthyReason().ifPresent(reason -> view.put("reason", reason));
            view.putAll(status.details());
        } catch (RuntimeException e) {
            view.put("healthy", false);
            view.put("reason", e.getMessage());
        }
        // without metrics collected, Agroal reports zeros: showing them would mislead
        LakebasePools.active(datasource).filter(pool -> pool.getConfiguration().metricsEnabled()).ifPresent(pool -> {
            AgroalDataSourceMetrics metrics = pool.getMetrics();
            view.put("poolActive", metrics.activeCount());
            view.put("poolIdle", metrics.availableCount());
            view.put("poolWaiting", metrics.awaitingCount());
            // totals since start: a flush or a rotation shows as connections closed and opened again
            view.put("poolOpened", metrics.creationCount());
            view.put("poolClosed", metrics.destroyCount());
        });
        return view;
    }

    private String lakebaseDatasource(String datasource) {
        if (!credentials.datasources().contains(datasource)) {
            throw new IllegalArgumentException("No Lakebase datasource named '" + datasource + "'");
        }
        return datasource;
    }
}
