package io.quarkiverse.lakebase.runtime.user;

import java.util.Optional;

/** The signed-in user's access token of the current request, as the Databricks Apps proxy forwards it. */
public interface ForwardedAccessToken {

    /** The header the Databricks Apps proxy forwards the signed-in user's access token in. */
    String HEADER = "X-Forwarded-Access-Token";

    /** The token of the current request; empty when there is none, or no request. */
    Optional<String> current();
}
