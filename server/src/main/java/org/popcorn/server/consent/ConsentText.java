package org.popcorn.server.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.popcorn.server.common.ProblemException;

/** One version of the text of a purpose a plugin asks consent for, in each language it speaks. Never changed. */
@Entity
@Table(name = "consent_text")
@IdClass(ConsentText.Key.class)
public class ConsentText {

    static final String PURPOSE = "[a-z0-9][a-z0-9-]{0,63}";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Id
    @Column(name = "plugin_id")
    private String pluginId;

    @Id
    private String purpose;

    @Id
    private Integer version;

    @Column(name = "texts")
    private String texts;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected ConsentText() {
    }

    ConsentText(String pluginId, String purpose, int version, Map<String, String> text, Instant now) {
        if (purpose == null || !purpose.matches(PURPOSE)) {
            throw ProblemException.unprocessable("A consent purpose is lower-case letters, digits and '-'.", "purpose").withCode("consent.bad-purpose");
        }
        if (text == null || text.get("en") == null || text.get("en").isBlank()) {
            throw ProblemException.unprocessable("A consent text has an English version.", "text").withCode("consent.english-missing");
        }
        if (text.values().stream().anyMatch(t -> t == null || t.isBlank() || t.length() > 4000)) {
            throw ProblemException.unprocessable("Each consent text is 1 to 4000 characters.", "text").withCode("consent.bad-text-length");
        }
        this.pluginId = pluginId;
        this.purpose = purpose;
        this.version = version;
        this.texts = JSON.toJson(new LinkedHashMap<>(text));
        this.publishedAt = now;
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> text() {
        return JSON.fromJson(texts, LinkedHashMap.class);
    }

    boolean says(Map<String, String> other) {
        return text().equals(other);
    }

    public String purpose() {
        return purpose;
    }

    public int version() {
        return version;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private String pluginId;
        private String purpose;
        private Integer version;

        public Key() {
        }

        public Key(String pluginId, String purpose, Integer version) {
            this.pluginId = pluginId;
            this.purpose = purpose;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(pluginId, k.pluginId) && Objects.equals(purpose, k.purpose)
                    && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pluginId, purpose, version);
        }
    }
}
