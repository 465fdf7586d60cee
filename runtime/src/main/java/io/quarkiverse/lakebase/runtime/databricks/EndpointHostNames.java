package io.quarkiverse.lakebase.runtime.databricks;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.postgres.Endpoint;
import com.databricks.sdk.service.postgres.EndpointHosts;

/**
 * The host names a Lakebase endpoint answers on, as the workspace lists them in the endpoint's status
 * ({@code GET /api/2.0/postgres/<endpoint>}): read-write and read-only, direct and pooled.
 */
public record EndpointHostNames(Set<String> names) {

    /**
     * @return the endpoint's hosts; empty when the workspace does not know the endpoint (404)
     * @throws RuntimeException when the workspace could not be asked
     */
    public static Optional<EndpointHostNames> lookUp(WorkspaceApis workspace, String endpoint) {
        Endpoint described;
        try {
            described = workspace.postgres().getEndpoint(endpoint);
        } catch (DatabricksError e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        EndpointHosts hosts = described == null || described.getStatus() == null ? null
                : described.getStatus().getHosts();
        Set<String> names = new TreeSet<>();
        if (hosts != null) {
            Stream.of(hosts.getHost(), hosts.getReadOnlyHost(), hosts.getReadWritePooledHost(),
                    hosts.getReadOnlyPooledHost()).filter(name -> name != null && !name.isBlank())
                    .map(EndpointHostNames::normalise).forEach(names::add);
        }
        return Optional.of(new EndpointHostNames(Set.copyOf(names)));
    }

    /** Whether the host is one of the endpoint's; an endpoint that lists none accepts any. */
    public boolean accepts(String host) {
        return names.isEmpty() || names.contains(normalise(host));
    }

    /** DNS names compare without case and without the root's trailing dot. */
    private static String normalise(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        return String.join(", ", new TreeSet<>(names));
    }
}
