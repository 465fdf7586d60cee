package io.quarkiverse.lakebase.runtime.user;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the forwarded access token from the current Vert.x HTTP request. Registered only when the application has
 * Quarkus' HTTP layer.
 */
@Singleton
public class HttpForwardedAccessToken implements ForwardedAccessToken {

    private final Instance<CurrentVertxRequest> request;

    public HttpForwardedAccessToken(Instance<CurrentVertxRequest> request) {
        this.request = request;
    }

    @Override
    public Optional<String> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext current = request.get().getCurrent();
        return current == null ? Optional.empty()
                : Optional.ofNullable(current.request().getHeader(HEADER)).filter(token -> !token.isBlank());
    }
}
