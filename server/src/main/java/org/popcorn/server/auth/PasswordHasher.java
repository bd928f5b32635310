package org.popcorn.server.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords with Jakarta Security's {@link Pbkdf2PasswordHash} (PBKDF2-HMAC-SHA256, random 32-byte
 * salt). The stored form carries its own algorithm and iteration count, so raising
 * {@code popcorn.auth.pbkdf2-iterations} later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "popcorn.auth.pbkdf2-iterations", defaultValue = "210000")
    int iterations;

    private String dummy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(Math.max(1024, iterations)),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        dummy = hash.generate("not-a-real-password".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String stored) {
        if (stored == null) {
            // Spend the same time as a real check, so response time does not tell whether an account exists.
            hash.verify(password.toCharArray(), dummy);
            return false;
        }
        return hash.verify(password.toCharArray(), stored);
    }
}
