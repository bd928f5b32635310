package org.popcorn.server.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event delivery to a plugin that failed. */
@Entity
@Table(name = "plugin_event_failure")
public class PluginEventFailure {

    @Id
    @SequenceGenerator(name = "pluginFailureSeq", sequenceName = "plugin_event_failure_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pluginFailureSeq")
    Long id;

    @Column(name = "plugin_id")
    String pluginId;

    @Column(name = "event_id")
    long eventId;

    @Column(name = "event_type")
    String eventType;

    String error;

    @Column(name = "failed_at")
    Instant failedAt;

    protected PluginEventFailure() {
    }

    PluginEventFailure(String pluginId, long eventId, String eventType, String error, Instant failedAt) {
        this.pluginId = pluginId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.error = error.length() > 2000 ? error.substring(0, 2000) : error;
        this.failedAt = failedAt;
    }
}
