package io.quarkiverse.lakebase.runtime.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.User;

import io.quarkiverse.lakebase.NoSignedInUserException;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis;

/**
 * Who a forwarded access token belongs to, as the workspace says ({@code GET /api/2.0/preview/scim/v2/Me} with the
 * token): the user's name, which is also the user's PostgreSQL role. Never taken from a header a client could set
 * ({@code X-Forwarded-Email}): a pool keyed by a claimed name could hand one user's connections to another.
 * <p>
 * Answers are kept by a digest of the token, never the token itself, for up to {@value #REMEMBERED} tokens.
 */
final class UserIdentities {

    static final int REMEMBERED = 1000;

    private final Function<String, WorkspaceApis> clientForToken;
    private final Map<String, String> names = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    UserIdentities(Function<String, WorkspaceApis> clientForToken) {
        this.clientForToken = clientForToken;
    }

    /** The user's name; asks the workspace the first time a token is seen. Blocks for that call. */
    String usernameOf(String accessToken) {
        String digest = digest(accessToken);
        synchronized (names) {
            String known = names.get(digest);
            if (known != null) {
                return known;
            }
        }
        String name = lookUp(accessToken);
        synchronized (names) {
            names.put(digest, name);
        }
        return name;
    }

    private String lookUp(String accessToken) {
        User me;
        try {
            me = clientForToken.apply(accessToken).currentUser().me(new MeRequest());
        } catch (RuntimeException e) {
            int status = e instanceof DatabricksError error ? error.getStatusCode() : 0;
            throw new NoSignedInUserException("The signed-in user could not be identified: the workspace "
                    + (status == 401 ? "refused the forwarded access token (expired or revoked: the user signs in again)"
                            : status == 403 ? "refused to tell who the user is: give the app's user authorization the"
                                    + " scope iam.current-user:read"
                                    : "did not answer (" + e.getClass().getSimpleName() + ")"));
        }
        return Optional.ofNullable(me).map(User::getUserName).filter(name -> !name.isBlank())
                .orElseThrow(() -> new NoSignedInUserException("The signed-in user has no userName in the workspace"));
    }

    static String digest(String accessToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
