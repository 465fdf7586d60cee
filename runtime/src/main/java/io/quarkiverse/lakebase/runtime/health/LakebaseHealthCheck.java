package io.quarkiverse.lakebase.runtime.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.lakebase.LakebaseStatus;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * Ready while new connections can log in: UP with the token's remaining lifetime, DOWN with the reason when no valid
 * token is cached or when it will expire before the next refresh attempt. With named datasources, their details are
 * prefixed with the datasource name, and one that is not ready makes the check DOWN. Never throws.
 */
@Readiness
@ApplicationScoped
public class LakebaseHealthCheck implements HealthCheck {

    private final LakebaseLogins credentials;

    public LakebaseHealthCheck(LakebaseLogins credentials) {
        this.credentials = credentials;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Lakebase");
        List<String> reasons = new ArrayList<>();
        for (String datasource : credentials.activeDatasources()) {
            String prefix = DataSourceUtil.isDefault(datasource) ? "" : datasource + ".";
            try {
                LakebaseStatus status = credentials.status(datasource);
                status.details().forEach((key, value) -> response.withData(prefix + key, String.valueOf(value)));
                if (!status.healthy()) {
                    reasons.add(prefix + status.reason());
                }
            } catch (RuntimeException e) {
                reasons.add(prefix + e.getMessage());
            }
        }
        if (reasons.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("reason", String.join("; ", reasons)).build();
    }
}
