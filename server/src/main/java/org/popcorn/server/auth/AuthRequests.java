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
        @NotNull(message = "Choose a handle.")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{2,31}",
                message = "A handle has 3 to 32 letters, digits, '-' or '_', and starts with a letter or digit.")
        public String handle;

        @NotBlank(message = "Tell us the name to show.")
        @Size(max = 80, message = "A display name has at most 80 characters.")
        public String displayName;

        @NotBlank(message = "Give your e-mail address.")
        @Email(message = "This is not an e-mail address.")
        @Size(max = 254, message = "An e-mail address has at most 254 characters.")
        public String email;

        @NotNull(message = "Choose a password.")
        @Size(min = 10, max = 200, message = "A password has 10 to 200 characters.")
        public String password;

        @NotNull(message = "Choose your home city.")
        public Long homeCityId;
    }

    /** Log-in with handle or e-mail. */
    @Schema(name = "Login")
    public static class Login {
        @NotBlank(message = "Give your handle or e-mail.")
        @Size(max = 254)
        public String login;

        @NotNull(message = "Give your password.")
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
        @NotNull(message = "Give your current password.")
        public String currentPassword;

        @NotNull(message = "Choose a new password.")
        @Size(min = 10, max = 200, message = "A password has 10 to 200 characters.")
        public String newPassword;
    }

    /** Account deletion needs the password again. */
    @Schema(name = "AccountDeletion")
    public static class AccountDeletion {
        @NotNull(message = "Give your password to confirm.")
        public String password;
    }
}
