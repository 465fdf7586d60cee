package io.quarkiverse.lakebase.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Tokens that live three seconds and connections, JDBC and reactive, recycled every second, so rotation happens within
 * a test; a new connection waits two seconds at most for a token.
 */
public class ShortLivedTokens implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // tag::overrides[]
        return Map.of(
                "quarkus.lakebase.devservices.token-ttl", "3S",
                "quarkus.datasource.jdbc.max-lifetime", "1S",
                "quarkus.datasource.reactive.max-lifetime", "1S",
                "quarkus.datasource.jdbc.min-size", "2",
                "quarkus.lakebase.token.retry-max-delay", "2S",
                "quarkus.lakebase.token.acquire-timeout", "2S");
        // end::overrides[]
    }
}
