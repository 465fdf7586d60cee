package io.quarkiverse.lakebase.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.LakebaseStatus;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.token.TokenCacheState;

/**
 * Reads a datasource's login into a {@link LakebaseStatus}: healthy while new connections can log in now and will still
 * be able to after the next refresh attempt.
 */
final class LoginStatus {

    private LoginStatus() {
    }

    static LakebaseStatus of(LakebaseLogin login, Optional<TokenCacheState> tokens, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        LakebaseSettings settings = login.settings();
        settings.endpoint().ifPresent(endpoint -> details.put("endpoint", endpoint));
        details.put("host", settings.host());
        details.put("port", settings.port());
        details.put("database", settings.database());
        details.put("user", login.knownUsername().orElse("(not resolved yet)"));
        if (tokens.isEmpty()) {
            details.put("authentication", "native password");
            return new LakebaseStatus(true, null, details);
        }
        TokenCacheState state = tokens.get();
        details.put("authentication", "OAuth database token");
        details.put("refreshCount", state.refreshCount());
        details.put("consecutiveFailures", state.consecutiveFailures());
        details.put("nextRefreshAt", state.nextAttemptAt().toString());
        Optional.ofNullable(state.lastRefreshAt()).ifPresent(at -> details.put("lastRefreshAt", at.toString()));
        state.failure().ifPresent(failure -> details.put("lastError", failure.getMessage()));
        DatabaseToken token = state.token();
        if (token == null) {
            return new LakebaseStatus(false, state.failure().map(TokenRefreshException::getMessage)
                    .map(message -> "No token could be minted yet: " + message).orElse("No token minted yet"), details);
        }
        Duration left = token.remainingAt(now);
        details.put("tokenExpiresAt", token.expiresAt().toString());
        details.put("tokenSecondsLeft", left.toSeconds());
        if (left.isZero()) {
            return new LakebaseStatus(false, "The token expired at " + token.expiresAt() + " and could not be refreshed: "
                    + state.failure().map(TokenRefreshException::getMessage).orElse("no refresh attempted"), details);
        }
        if (state.lastFailure() != null && !state.nextAttemptAt().isBefore(token.expiresAt())) {
            return new LakebaseStatus(false, "Refreshes are failing and the token expires at " + token.expiresAt()
                    + ", before the next attempt at " + state.nextAttemptAt() + ": " + state.lastFailure().getMessage(),
                    details);
        }
        return new LakebaseStatus(true, null, details);
    }
}
