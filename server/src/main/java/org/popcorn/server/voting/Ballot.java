package org.popcorn.server.voting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member's ballot in a round: the chosen cities, the preferred size and the pledge. One per member and round
 * (database constraint); changing it replaces the choices and issues a new receipt. Only aggregates and anonymous
 * receipts are ever published.
 */
@Entity
@Table(name = "ballot")
public class Ballot {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Id
    @SequenceGenerator(name = "ballotSeq", sequenceName = "ballot_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ballotSeq")
    private Long id;

    @Column(name = "round_id")
    private Long roundId;

    @Column(name = "member_id")
    private Long memberId;

    private int size;
    private boolean pledge;
    private String receipt;

    @Column(name = "cast_at")
    private Instant castAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ballot_choice", joinColumns = @JoinColumn(name = "ballot_id"))
    @Column(name = "city_id")
    private Set<Long> choices = new TreeSet<>();

    protected Ballot() {
    }

    public Ballot(long roundId, long memberId, Set<Long> choices, int size, boolean pledge, Instant now) {
        this.roundId = roundId;
        this.memberId = memberId;
        this.choices = new TreeSet<>(choices);
        this.size = size;
        this.pledge = pledge;
        this.castAt = now;
        this.updatedAt = now;
        this.receipt = newReceipt();
    }

    /** Replaces the ballot's content and re-issues the receipt. */
    void change(Set<Long> newChoices, int newSize, boolean newPledge, Instant now) {
        choices.clear();
        choices.addAll(newChoices);
        size = newSize;
        pledge = newPledge;
        updatedAt = now;
        receipt = newReceipt();
    }

    /** 20 characters from a 32-letter alphabet: 100 bits, unguessable. Grouped for reading: XXXXX-XXXXX-XXXXX-XXXXX. */
    static String newReceipt() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /**
     * A receipt as a person may type it — lower case, without the dashes, with spaces — in the stored form
     * ({@code XXXXX-XXXXX-XXXXX-XXXXX}); anything that cannot be one is returned cleaned but will match nothing.
     */
    public static String normaliseReceipt(String typed) {
        String plain = typed.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
        if (plain.length() != 20) {
            return plain;
        }
        return plain.substring(0, 5) + "-" + plain.substring(5, 10) + "-" + plain.substring(10, 15) + "-" + plain.substring(15);
    }

    public Long id() {
        return id;
    }

    public Long roundId() {
        return roundId;
    }

    public Long memberId() {
        return memberId;
    }

    public Set<Long> choices() {
        return new TreeSet<>(choices);
    }

    public int size() {
        return size;
    }

    public boolean pledge() {
        return pledge;
    }

    public String receipt() {
        return receipt;
    }

    public Instant castAt() {
        return castAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
