package org.acme;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.lakebase.Lakebase;

/**
 * Writes and reads notes through the Lakebase datasource. Each new connection of its pool logs in with a short-lived
 * OAuth token that the extension mints and refreshes: from the local Lakebase in dev mode and tests, from the
 * Databricks workspace in production.
 */
@Path("/notes")
public class NoteResource {

    private final Lakebase lakebase;

    public NoteResource(Lakebase lakebase) {
        this.lakebase = lakebase;
    }

    @POST
    public Response write(NewNote note) throws SQLException {
        if (note == null || note.text() == null || note.text().isBlank()) {
            throw new BadRequestException("A note needs a text");
        }
        Note written = Note.of(lakebase.query(
                "INSERT INTO app.notes (text) VALUES (?) RETURNING id, text, written_by", note.text()).rows().get(0));
        return Response.created(URI.create("/notes/" + written.id())).entity(written).build();
    }

    @GET
    public List<Note> list() throws SQLException {
        return lakebase.query("SELECT id, text, written_by FROM app.notes ORDER BY id").rows().stream()
                .map(Note::of)
                .toList();
    }
}
