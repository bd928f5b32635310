package org.popcorn.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token. Only its SHA-256 is stored, so a database leak does not leak sessions. */
@Entity
@Table(name = "auth_token")
public class AuthToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    private String client;

    protected AuthToken() {
    }

    public AuthToken(String tokenHash, long memberId, Instant createdAt, Instant expiresAt, String client) {
        this.tokenHash = tokenHash;
        this.memberId = memberId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.client = client;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Long memberId() {
        return memberId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
