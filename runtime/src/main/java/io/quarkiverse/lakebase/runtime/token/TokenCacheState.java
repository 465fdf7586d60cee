package io.quarkiverse.lakebase.runtime.token;

import java.time.Instant;
import java.util.Optional;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.TokenRefreshException;

/**
 * What the token cache holds at one instant. Immutable, so it can be read without locking.
 *
 * @param token the latest token minted, possibly expired; {@code null} before the first success
 * @param nextAttemptAt when the next mint is due
 * @param lastRefreshAt when the latest token was minted; {@code null} before the first success
 * @param lastFailure the failure of the latest attempt, {@code null} when it succeeded
 * @param consecutiveFailures attempts that failed since the last success
 * @param refreshCount tokens minted so far
 * @param previous the token the latest one replaced, {@code null} before the second mint
 */
public record TokenCacheState(DatabaseToken token, Instant nextAttemptAt, Instant lastRefreshAt,
        TokenRefreshException lastFailure, int consecutiveFailures, long refreshCount, DatabaseToken previous) {

    static TokenCacheState empty(Instant now) {
        return new TokenCacheState(null, now, null, null, 0, 0, null);
    }

    TokenCacheState refreshed(DatabaseToken newToken, Instant refreshAt) {
        return new TokenCacheState(newToken, refreshAt, newToken.mintedAt(), null, 0, refreshCount + 1, token);
    }

    TokenCacheState failed(TokenRefreshException failure, Instant retryAt) {
        return new TokenCacheState(token, retryAt, lastRefreshAt, failure, consecutiveFailures + 1, refreshCount,
                previous);
    }

    public Optional<DatabaseToken> currentToken() {
        return Optional.ofNullable(token);
    }

    public Optional<TokenRefreshException> failure() {
        return Optional.ofNullable(lastFailure);
    }
}
