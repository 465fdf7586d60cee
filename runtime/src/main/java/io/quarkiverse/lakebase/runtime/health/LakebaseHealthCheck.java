package io.quarkiverse.lakebase.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.lakebase.runtime.LakebaseCredentials;
import io.quarkiverse.lakebase.runtime.LakebaseStatus;

/**
 * Ready while new connections can log in: UP with the token's remaining lifetime, DOWN with the reason when no valid
 * token is cached or when it will expire before the next refresh attempt. Never throws.
 */
@Readiness
@ApplicationScoped
public class LakebaseHealthCheck implements HealthCheck {

    private final LakebaseCredentials credentials;

    public LakebaseHealthCheck(LakebaseCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Lakebase");
        try {
            LakebaseStatus status = credentials.status();
            status.details().forEach((key, value) -> response.withData(key, String.valueOf(value)));
            if (status.healthy()) {
                return response.up().build();
            }
            return response.down().withData("reason", status.reason()).build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
