package io.quarkiverse.lakebase.runtime.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.ApiClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.iam.CurrentUserAPI;
import com.databricks.sdk.service.postgres.PostgresAPI;

/**
 * The two workspace services the extension calls: Lakebase Postgres (tokens, endpoint hosts) and the current user
 * (the role's name). Built on an {@link ApiClient} of its own and not on a {@link WorkspaceClient}, whose constructor
 * builds every service of the SDK: several hundred classes loaded at start-up for two that are called.
 */
public final class WorkspaceApis {

    private final DatabricksConfig config;
    private final PostgresAPI postgres;
    private final CurrentUserAPI currentUser;

    private WorkspaceApis(DatabricksConfig config, PostgresAPI postgres, CurrentUserAPI currentUser) {
        this.config = config;
        this.postgres = postgres;
        this.currentUser = currentUser;
    }

    /** The services of a client the application built ({@code @LakebaseWorkspace}). */
    public static WorkspaceApis of(WorkspaceClient client) {
        return new WorkspaceApis(client.config(), client.postgres(), client.currentUser());
    }

    /** Resolves the configuration (authentication included) and builds only the two services. */
    static WorkspaceApis of(DatabricksConfig config) {
        ApiClient api = new ApiClient(config);
        return new WorkspaceApis(config, new PostgresAPI(api), new CurrentUserAPI(api));
    }

    public DatabricksConfig config() {
        return config;
    }

    public PostgresAPI postgres() {
        return postgres;
    }

    public CurrentUserAPI currentUser() {
        return currentUser;
    }
}
