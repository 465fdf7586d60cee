package io.quarkiverse.lakebase.runtime.user;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import io.quarkiverse.lakebase.NoSignedInUserException;

/**
 * A REST request that needs the signed-in user and has none is answered 401, with what to turn on. Registered only when
 * the application has {@code quarkus-rest}.
 */
public class NoSignedInUserExceptionMapper implements ExceptionMapper<NoSignedInUserException> {

    @Override
    public Response toResponse(NoSignedInUserException exception) {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE)
                .entity(exception.getMessage()).build();
    }
}
