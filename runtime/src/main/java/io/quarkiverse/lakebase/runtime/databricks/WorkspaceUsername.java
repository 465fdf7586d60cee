package io.quarkiverse.lakebase.runtime.databricks;

import java.util.Optional;

import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.User;

import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;

/**
 * The PostgreSQL role of the Databricks identity: a service principal logs in as its OAuth client id, a user as the
 * {@code userName} of {@code GET /api/2.0/preview/scim/v2/Me}.
 */
public final class WorkspaceUsername {

    private WorkspaceUsername() {
    }

    public static String resolve(WorkspaceApis client, PropertyNames properties) {
        String clientId = client.config().getClientId();
        if (clientId != null && !clientId.isBlank()) {
            return clientId;
        }
        User me;
        try {
            me = client.currentUser().me(new MeRequest());
        } catch (RuntimeException e) {
            throw new LakebaseConfigurationException("No Lakebase username: set " + properties.hint("username")
                    + " (the current workspace user could not be looked up: "
                    + WorkspaceFailures.classify(e, "look up the current workspace user", properties).getMessage() + ")");
        }
        return Optional.ofNullable(me).map(User::getUserName).filter(name -> !name.isBlank())
                .orElseThrow(() -> new LakebaseConfigurationException("No Lakebase username: set"
                        + " " + properties.hint("username") + " (the current workspace user has no userName)"));
    }
}
