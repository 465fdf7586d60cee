package io.quarkiverse.lakebase.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import io.quarkiverse.lakebase.TokenUnavailableException;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.quarkus.credentials.CredentialsProvider;
import io.smallrye.mutiny.Uni;

/**
 * Hands Agroal the Lakebase login for each new physical connection: the cached token at once, without a worker hop
 * or a call to the workspace while it is valid. Which datasource asks is told by the name Quarkus passes, the
 * datasource's {@code credentials-provider} value ({@link LakebaseDatasourceNames#credentialsProviderKey}).
 */
@Singleton
@Named(LakebaseCredentialsProvider.NAME)
public class LakebaseCredentialsProvider implements CredentialsProvider {

    /** The bean name that {@code quarkus.datasource.credentials-provider-name} refers to. */
    public static final String NAME = "lakebase";

    private final LakebaseLogins credentials;

    public LakebaseCredentialsProvider(LakebaseLogins credentials) {
        this.credentials = credentials;
    }

    /** Completes within the datasource's acquire time-out: every wait behind it is bounded. */
    @Override
    public Map<String, String> getCredentials(String credentialsProviderName) {
        return getCredentialsAsync(credentialsProviderName).await().indefinitely();
    }

    /**
     * Never blocks the subscriber: the reactive client subscribes on an event loop. A known role and a cached token are
     * answered at once; a role or a token still to be had is completed from the token refresh threads.
     */
    @Override
    public Uni<Map<String, String>> getCredentialsAsync(String credentialsProviderName) {
        LakebaseLogin login;
        try {
            login = credentials.login(LakebaseDatasourceNames.datasourceOf(credentialsProviderName));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(unavailable(e));
        }
        return Uni.createFrom().completionStage(login::credentialsAsync)
                .map(granted -> loginOf(granted.username(), granted.password()))
                .onFailure().recoverWithItem(LakebaseCredentialsProvider::unavailable);
    }

    private static Throwable reason(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * A login that carries why there is none. Agroal copies it entry by entry into the driver properties, where
     * {@link LakebaseDriver} fails the connection with the reason as an SQLException; a failed Uni would instead escape
     * Agroal as an unchecked exception. The reactive client asks for the user and password by key, and gets the reason
     * thrown, which fails its connection with it.
     */
    private static Map<String, String> unavailable(Throwable failure) {
        Throwable reason = reason(failure);
        Map<String, String> login = new UnavailableLogin(reason);
        login.put(LakebaseDriver.TOKEN_UNAVAILABLE, String.valueOf(reason.getMessage()));
        return login;
    }

    private static Map<String, String> loginOf(String username, String password) {
        Map<String, String> login = new RedactedMap();
        login.put(USER_PROPERTY_NAME, username);
        login.put(PASSWORD_PROPERTY_NAME, password);
        return login;
    }

    /** A credentials map that cannot leak its password through {@code toString()}. */
    private static class RedactedMap extends HashMap<String, String> {
        @Override
        public String toString() {
            return "{user=" + get(USER_PROPERTY_NAME) + (containsKey(PASSWORD_PROPERTY_NAME) ? ", password=***}" : "}");
        }
    }

    private static final class UnavailableLogin extends RedactedMap {

        private final transient Throwable reason;

        UnavailableLogin(Throwable reason) {
            this.reason = reason;
        }

        @Override
        public String get(Object key) {
            if (USER_PROPERTY_NAME.equals(key) || PASSWORD_PROPERTY_NAME.equals(key)) {
                throw reason instanceof TokenUnavailableException unavailable ? unavailable
                        : new TokenUnavailableException(String.valueOf(reason.getMessage()), reason);
            }
            return super.get(key);
        }

        @Override
        public String toString() {
            return "{" + LakebaseDriver.TOKEN_UNAVAILABLE + "}";
        }
    }
}
