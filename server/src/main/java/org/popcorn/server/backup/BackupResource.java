package org.popcorn.server.backup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;

/** Admins back up the embedded database while the server runs (the Backups admin page). */
@Path("admin/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "bearer")
public class BackupResource {

    @Inject
    Caller caller;

    @Inject
    BackupService backups;

    @GET
    @Operation(operationId = "listBackups", summary = "Backups of the embedded H2 database in the data directory, newest first",
            description = "409 backup.not-h2 when the server runs on PostgreSQL (use pg_dump).")
    public List<BackupService.Backup> list() {
        caller.requireAdmin();
        return backups.list();
    }

    @POST
    @Operation(operationId = "createBackup", summary = "Back up the embedded H2 database now, while the server keeps running",
            description = "Writes <data dir>/backups/popcorn-<UTC time>.zip (holding popcorn.mv.db). Restore: stop the server, "
                    + "unzip it into the data directory, start. 409 backup.not-h2 on PostgreSQL.")
    @APIResponse(responseCode = "201", description = "The backup was written")
    public Response create() {
        caller.requireAdmin();
        return Response.status(Response.Status.CREATED).entity(backups.create()).build();
    }
}
