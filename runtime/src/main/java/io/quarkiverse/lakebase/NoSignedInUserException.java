package io.quarkiverse.lakebase;

/**
 * A connection on behalf of the signed-in user was asked for, and the current request has no signed-in user: it
 * carries no forwarded access token. With {@code quarkus-rest}, it is answered with HTTP 401.
 */
public class NoSignedInUserException extends RuntimeException {

    public NoSignedInUserException(String message) {
        super(message);
    }
}
