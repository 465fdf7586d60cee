package io.quarkiverse.lakebase.runtime.user;

import io.quarkiverse.lakebase.RefreshListener;

/** Hears the token refreshes of signed-in users' pools, without being told whose: for telemetry. */
public interface UserPoolsListener {

    /** The listener to attach to each user's token cache. */
    RefreshListener forUserTokens();
}
