package io.quarkiverse.lakebase.runtime.user;

import jakarta.inject.Singleton;

import io.quarkiverse.lakebase.OnBehalfOfUser;

/**
 * The {@code @OnBehalfOfUser DataSource}: each connection logs in as the signed-in user of the request it is asked
 * for in. Outside a request, or for a request without a signed-in user, it fails with
 * {@link io.quarkiverse.lakebase.NoSignedInUserException}.
 */
@Singleton
@OnBehalfOfUser
public class CurrentUserDataSource extends UserDataSource {

    public CurrentUserDataSource(UserPools pools) {
        super(() -> pools.forCurrentRequest().dataSource().getConnection());
    }
}
