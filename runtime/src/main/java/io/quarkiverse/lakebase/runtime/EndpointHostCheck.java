package io.quarkiverse.lakebase.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.runtime.config.HostCheck;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.databricks.EndpointHostNames;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis;
import io.quarkiverse.lakebase.runtime.token.RefreshScheduler;

/**
 * Start-up's check that the configured host is one of the configured endpoint's hosts: a host copied from another
 * branch otherwise shows up only as logins refused forever. The workspace is asked beside the first mint, so a workspace
 * that answers adds no time to start-up, and one that does not is waited for at most {@link #ANSWER_TIMEOUT}: the check
 * is a safety net, never a new way for start-up to fail on a slow workspace.
 */
final class EndpointHostCheck {

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);

    private final String endpoint;
    private final CompletableFuture<Optional<EndpointHostNames>> answer = new CompletableFuture<>();

    private EndpointHostCheck(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Asks the workspace for the endpoint's hosts on one of the token refresh threads. */
    static EndpointHostCheck begin(Supplier<WorkspaceApis> workspace, String endpoint, RefreshScheduler threads) {
        EndpointHostCheck check = new EndpointHostCheck(endpoint);
        try {
            threads.schedule(() -> {
                try {
                    check.answer.complete(EndpointHostNames.lookUp(workspace.get(), endpoint));
                } catch (Throwable e) {
                    check.answer.completeExceptionally(e);
                }
            }, Duration.ZERO);
        } catch (RejectedExecutionException e) {
            check.answer.completeExceptionally(e);
        }
        return check;
    }

    /**
     * Fails start-up in {@link HostCheck#STRICT} mode, or warns in {@link HostCheck#LENIENT} mode, when the host is not
     * the endpoint's; warns when the workspace does not know the endpoint; goes on quietly when it does not answer.
     */
    void judge(String host, HostCheck mode, PropertyNames properties) {
        Optional<EndpointHostNames> hosts;
        try {
            hosts = answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LakebaseLog.LOG.debugf("Lakebase %s: the workspace did not list the hosts of endpoint '%s' within %d s;"
                    + " the host is not checked", properties, endpoint, ANSWER_TIMEOUT.toSeconds());
            return;
        } catch (ExecutionException e) {
            LakebaseLog.LOG.debugf("Lakebase %s: the hosts of endpoint '%s' could not be read (%s); the host is not"
                    + " checked", properties, endpoint, e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (hosts.isEmpty()) {
            LakebaseLog.LOG.warnf("Lakebase %s: the workspace does not know endpoint '%s' (HTTP 404), so host '%s' could"
                    + " not be checked against it; check %s", properties, endpoint, host, properties.hint("endpoint"));
            return;
        }
        if (hosts.get().accepts(host)) {
            LakebaseLog.LOG.debugf("Lakebase %s: host '%s' is a host of endpoint '%s'", properties, host, endpoint);
            return;
        }
        String mismatch = "The Lakebase host '" + host + "' is not a host of endpoint '" + endpoint + "', whose hosts are "
                + hosts.get() + ": set " + properties.hint("host") + " to the endpoint's host, or "
                + properties.hint("endpoint") + " to the endpoint this host belongs to";
        if (mode == HostCheck.STRICT) {
            throw new LakebaseConfigurationException(mismatch + " (" + properties.name("host-check")
                    + "=lenient only warns, for a host the endpoint does not list, such as a private link's)");
        }
        LakebaseLog.LOG.warn(mismatch);
    }
}
