package io.quarkiverse.lakebase.runtime.databricks;

import java.util.function.Supplier;

import com.databricks.sdk.WorkspaceClient;

import io.quarkiverse.lakebase.runtime.config.WorkspaceConfig;

/**
 * Builds the workspace client on first use and keeps it; a failed construction (workspace unreachable) is tried again
 * on the next use instead of being cached.
 */
public final class LazyWorkspaceClient implements Supplier<WorkspaceClient> {

    private final WorkspaceConfig config;
    private volatile WorkspaceClient client;

    public LazyWorkspaceClient(WorkspaceConfig config) {
        this.config = config;
    }

    @Override
    public WorkspaceClient get() {
        WorkspaceClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = WorkspaceClientFactory.create(config);
                    client = built;
                }
            }
        }
        return built;
    }
}
