package org.popcorn.server.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer bodies of {@code /api/auth}. */
public final class AuthRequests {

    private AuthRequests() {
    }

    /** Sign-up. */
    @Schema(name = "Registration")
    public static class Registration {
        @NotNull(message = "{popcorn.member.handle.required}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{2,31}",
                message = "{popcorn.member.handle.pattern}")
        public String handle;

        @NotBlank(message = "{popcorn.member.display-name.required}")
        @Size(max = 80, message = "{popcorn.member.display-name.size}")
        public String displayName;

        @NotBlank(message = "{popcorn.member.email.required}")
        @Email(message = "{popcorn.member.email.invalid}")
        @Size(max = 254, message = "{popcorn.member.email.size}")
        public String email;

        @NotNull(message = "{popcorn.member.password.required}")
        @Size(min = 10, max = 200, message = "{popcorn.member.password.size}")
        public String password;

        @NotNull(message = "{popcorn.member.home-city.required}")
        public Long homeCityId;
    }

    /** Log-in with handle or e-mail. */
    @Schema(name = "Login")
    public static class Login {
        @NotBlank(message = "{popcorn.login.login.required}")
        @Size(max = 254)
        public String login;

        @NotNull(message = "{popcorn.login.password.required}")
        @Size(max = 200)
        public String password;
    }

    /** A new session. */
    @Schema(name = "Session")
    public static class Session {
        @Schema(description = "Bearer token: send it as 'Authorization: Bearer <token>'. Shown once.")
        public String token;
        public Instant expiresAt;
        public String handle;
    }

    /** Password change. */
    @Schema(name = "PasswordChange")
    public static class PasswordChange {
        @NotNull(message = "{popcorn.password.current.required}")
        public String currentPassword;

        @NotNull(message = "{popcorn.password.new.required}")
        @Size(min = 10, max = 200, message = "{popcorn.member.password.size}")
        public String newPassword;
    }

    /** Account deletion needs the password again. */
    @Schema(name = "AccountDeletion")
    public static class AccountDeletion {
        @NotNull(message = "{popcorn.account.password.confirm}")
        public String password;
    }
}
