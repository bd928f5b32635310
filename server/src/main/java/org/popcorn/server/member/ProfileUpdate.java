package org.popcorn.server.member;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PATCH /api/me: only the fields present change. */
@Schema(name = "ProfileUpdate")
public class ProfileUpdate {
    @Size(max = 80, message = "{popcorn.member.display-name.size}")
    public String displayName;
    @Size(max = 2000, message = "{popcorn.member.bio.size}")
    public String bio;
    public Long homeCityId;
    @Size(max = 1000, message = "{popcorn.member.avatar-url.size}")
    public String avatarUrl;
    @Schema(description = "Whether others may see that you attend meetups")
    public Boolean attendanceVisible;
    @Schema(description = "The language notifications and e-mails are written in: en or zh-CN (the app sends the one chosen)")
    public String language;
}
