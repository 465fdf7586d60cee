package io.quarkiverse.lakebase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The login state of a Lakebase datasource at one instant: what the readiness check and the Dev UI show, and what
 * {@link Lakebase#status()} returns. Holds no secret: failure messages are written without them, and the token itself
 * is never copied here.
 *
 * @param healthy whether new connections can log in now and will still be able to after the next refresh attempt
 * @param reason why not, when not healthy; {@code null} when healthy
 * @param details the endpoint, host, port, database and user, and for OAuth tokens the token's expiry
 *        ({@code tokenExpiresAt}, {@code tokenSecondsLeft}), {@code refreshCount}, {@code lastRefreshAt},
 *        {@code nextRefreshAt}, {@code consecutiveFailures} and {@code lastError}
 */
public record LakebaseStatus(boolean healthy, String reason, Map<String, Object> details) {

    public LakebaseStatus {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Why the datasource is not healthy; empty when it is. */
    public Optional<String> unhealthyReason() {
        return Optional.ofNullable(reason);
    }

    /** Tokens minted so far for the datasource's endpoint and identity; zero with a native password. */
    public long refreshCount() {
        return details.get("refreshCount") instanceof Number count ? count.longValue() : 0;
    }
}
