package io.quarkiverse.lakebase.runtime.devui;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Instance;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.token.TokenCache;

/**
 * The Dev UI card's backend: the login's status, "refresh token now" and "flush pool". Shows no secret.
 */
public class LakebaseJsonRpcService {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LakebaseLogins credentials;
    private final Instance<AgroalDataSource> dataSource;

    public LakebaseJsonRpcService(LakebaseLogins credentials, Instance<AgroalDataSource> dataSource) {
        this.credentials = credentials;
        this.dataSource = dataSource;
    }

    public Map<String, Object> getStatus() {
        var status = credentials.status();
        Map<String, Object> view = new java.util.LinkedHashMap<>(status.details());
        view.put("healthy", status.healthy());
        if (status.reason() != null) {
            view.put("reason", status.reason());
        }
        return view;
    }

    public Map<String, Object> refreshTokenNow() {
        TokenCache cache = credentials.tokenCache().orElse(null);
        if (cache != null) {
            try {
                cache.refreshNow().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // the failure is part of the status shown next
            }
        }
        return getStatus();
    }

    public Map<String, Object> flushPool() {
        if (dataSource.isResolvable()) {
            dataSource.get().flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
        return getStatus();
    }
}
