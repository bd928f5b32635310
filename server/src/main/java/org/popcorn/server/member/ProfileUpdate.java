package org.popcorn.server.member;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PATCH /api/me: only the fields present change. */
@Schema(name = "ProfileUpdate")
public class ProfileUpdate {
    @Size(max = 80, message = "A display name has at most 80 characters.")
    public String displayName;
    @Size(max = 2000, message = "A bio has at most 2000 characters.")
    public String bio;
    public Long homeCityId;
    @Size(max = 1000, message = "An avatar URL has at most 1000 characters.")
    public String avatarUrl;
    @Schema(description = "Whether others may see that you attend meetups")
    public Boolean attendanceVisible;
}
