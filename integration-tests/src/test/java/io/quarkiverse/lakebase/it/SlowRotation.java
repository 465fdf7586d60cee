package io.quarkiverse.lakebase.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Tokens of twenty seconds, so an outage of a few seconds stays inside a token's life; quick retries; a one-second
 * limit on workspace calls, so a hung workspace is detected; a refused token minted again at most every two seconds;
 * connections recycled every second.
 */
public class SlowRotation implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.lakebase.devservices.token-ttl", "20S",
                "quarkus.lakebase.token.retry-initial-delay", "200MS",
                "quarkus.lakebase.token.retry-max-delay", "1S",
                "quarkus.lakebase.databricks.http-timeout", "1S",
                "quarkus.lakebase.token.remint-after-rejection-interval", "2S",
                "quarkus.datasource.jdbc.max-lifetime", "1S");
    }
}
