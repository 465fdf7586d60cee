package io.quarkiverse.lakebase.runtime;

import io.quarkiverse.lakebase.runtime.token.TokenCache;

/**
 * The token cache of one endpoint and identity, shared by every datasource that logs in to it.
 */
public record EndpointTokens(String endpoint, TokenCache cache) {
}
