package io.quarkiverse.lakebase.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.OnBehalfOfUser;

/**
 * Notes written and read on behalf of the signed-in user: each request logs in to Lakebase as the user's own role, so
 * the table's row-level security shows each user their own notes only.
 */
// tag::resource[]
@Path("/notes")
public class NoteResource {

    @Inject
    @OnBehalfOfUser
    DataSource userDataSource;

    @Inject
    Lakebase lakebase;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Note write(String body) throws SQLException {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("a note needs a body");
        }
        try (Connection connection = userDataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO app.notes (body) VALUES (?) RETURNING id, author, body")) {
            insert.setString(1, body);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Note(row.getLong(1), row.getString(2), row.getString(3));
            }
        }
    }

    @GET
    public List<Note> mine() throws SQLException {
        List<Note> notes = new ArrayList<>();
        try (Connection connection = userDataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, author, body FROM app.notes ORDER BY id")) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    notes.add(new Note(row.getLong(1), row.getString(2), row.getString(3)));
                }
            }
        }
        return notes;
    }

    /** Who the database says the request logged in as. */
    @GET
    @Path("/me")
    public String me() throws SQLException {
        return lakebase.asUser().query("SELECT current_user").rows().get(0).get("current_user", String.class);
    }
}
// end::resource[]
