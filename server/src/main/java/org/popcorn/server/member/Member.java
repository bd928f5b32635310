package org.popcorn.server.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A member of the community. The handle is unique without regard to case ({@code handle_key}); the e-mail is unique,
 * private and never shown to others. A deleted member keeps its row as a "former member" so that contributions stay,
 * but every piece of personal data is erased.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @SequenceGenerator(name = "memberSeq", sequenceName = "member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "memberSeq")
    private Long id;

    private String handle;

    @Column(name = "handle_key")
    private String handleKey;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    @Column(name = "email_key")
    private String emailKey;

    @Column(name = "password_hash")
    private String passwordHash;

    private String bio;

    @Column(name = "home_city_id")
    private Long homeCityId;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column(name = "attendance_visible")
    private boolean attendanceVisible; // private unless the member chooses to show it

    @Column(name = "is_admin")
    private boolean admin;

    /** The language the member last chose in the app (or registered in); null for English. Mail is written in it. */
    private String language;

    private long points;

    @Column(name = "lifetime_points")
    private long lifetimePoints;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected Member() {
    }

    public Member(String handle, String displayName, String email, String passwordHash, Long homeCityId, Instant joinedAt) {
        this.handle = handle;
        this.handleKey = keyOf(handle);
        this.displayName = displayName;
        this.email = email.strip();
        this.emailKey = keyOf(email);
        this.passwordHash = passwordHash;
        this.homeCityId = homeCityId;
        this.joinedAt = joinedAt;
    }

    /** The case-insensitive form of a handle or e-mail used for uniqueness and lookup. */
    public static String keyOf(String handleOrEmail) {
        return handleOrEmail == null ? null : handleOrEmail.strip().toLowerCase(Locale.ROOT);
    }

    /** Erases personal data; the row stays so that ledger entries, ballots and other contributions keep their author. */
    public void eraseAsFormerMember(Instant now) {
        this.handle = "former-" + id;
        this.handleKey = keyOf(handle);
        this.displayName = "Former member";
        this.email = null;
        this.emailKey = null;
        this.passwordHash = null;
        this.bio = null;
        this.avatarUrl = null;
        this.attendanceVisible = false;
        this.admin = false;
        this.language = null;
        this.deletedAt = now;
    }

    /** Adds a ledger amount to the running totals; lifetime points only ever grow. */
    public void addPoints(int amount) {
        this.points += amount;
        if (amount > 0) {
            this.lifetimePoints += amount;
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Long id() {
        return id;
    }

    public String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String displayName) {
        this.displayName = displayName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String bio() {
        return bio;
    }

    public void bio(String bio) {
        this.bio = bio;
    }

    public Long homeCityId() {
        return homeCityId;
    }

    public void homeCityId(Long homeCityId) {
        this.homeCityId = homeCityId;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public void avatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }

    public boolean attendanceVisible() {
        return attendanceVisible;
    }

    public void attendanceVisible(boolean visible) {
        this.attendanceVisible = visible;
    }

    /** The member's language ({@code en}, {@code zh-CN}), English unless they chose another. */
    public String language() {
        return language == null ? org.popcorn.server.language.Language.ENGLISH : language;
    }

    /** Remembers the member's language; only the supported ones are kept. */
    public void language(String code) {
        if (!org.popcorn.server.language.Language.SUPPORTED.contains(code)) {
            throw new IllegalArgumentException("Unsupported language " + code);
        }
        this.language = code;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void admin(boolean admin) {
        this.admin = admin;
    }

    public long points() {
        return points;
    }

    public long lifetimePoints() {
        return lifetimePoints;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
