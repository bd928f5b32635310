package org.popcorn.server.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An event on its way to one plugin: written with the event, deleted with the listener's writes. A failed attempt is
 * retried after a back-off that doubles each time; after the last attempt it is {@code FAILED} until an admin replays it.
 */
@Entity
@Table(name = "plugin_delivery")
public class PluginDelivery {

    /** Where a delivery stands. */
    public enum Status { PENDING, FAILED }

    @Id
    @SequenceGenerator(name = "pluginDeliverySeq", sequenceName = "plugin_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pluginDeliverySeq")
    Long id;

    @Column(name = "plugin_id")
    String pluginId;

    @Column(name = "event_id")
    long eventId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    Status status;

    int attempts;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "claimed_until")
    Instant claimedUntil;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "last_failed_at")
    Instant lastFailedAt;

    protected PluginDelivery() {
    }

    PluginDelivery(String pluginId, long eventId, Instant now) {
        this.pluginId = pluginId;
        this.eventId = eventId;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
    }

    /** An attempt failed: try again after {@code firstDelay} doubled per earlier failure (at most an hour), or give up. */
    void failed(String error, Instant now, int maxAttempts, Duration firstDelay) {
        attempts++;
        lastError = error == null ? "?" : error.length() > 2000 ? error.substring(0, 2000) : error;
        lastFailedAt = now;
        claimedUntil = null;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return;
        }
        long factor = 1L << Math.min(20, attempts - 1);
        Duration delay = firstDelay.multipliedBy(factor);
        nextAttemptAt = now.plus(delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay);
    }

    /** An admin asks for it again: a fresh set of attempts, now. */
    void replay(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        claimedUntil = null;
    }
}
