package org.popcorn.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.Consents;
import org.popcorn.api.PluginProblem;

/** The host's consent rules, in memory: versions per purpose, the current one only, one standing consent per purpose. */
final class MemoryConsents implements Consents {

    private final List<Text> texts = new ArrayList<>();
    private final List<Consent> records = new ArrayList<>();
    private long ids = 1;
    private final java.time.Clock clock;

    MemoryConsents(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Text publish(String purpose, Map<String, String> text) {
        if (purpose == null || !purpose.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw PluginProblem.invalid("A consent purpose is lower-case letters, digits and '-'.", "purpose");
        }
        if (text == null || text.get("en") == null || text.get("en").isBlank()) {
            throw PluginProblem.invalid("A consent text has an English version.", "text");
        }
        Optional<Text> current = current(purpose);
        if (current.isPresent() && current.get().text().equals(text)) {
            return current.get();
        }
        Text next = new Text(purpose, current.map(t -> t.version() + 1).orElse(1), Map.copyOf(text), Instant.now(clock));
        texts.add(next);
        return next;
    }

    @Override
    public synchronized Optional<Text> current(String purpose) {
        return texts.stream().filter(t -> t.purpose().equals(purpose)).max(Comparator.comparingInt(Text::version));
    }

    @Override
    public synchronized Consent record(String subject, String purpose, int version, Long capturedBy) {
        Text text = current(purpose).orElseThrow(() -> PluginProblem.invalid("There is no consent text for '" + purpose + "'.", "purpose")
                .withCode("consent.unknown-purpose"));
        if (text.version() != version) {
            throw PluginProblem.conflict("The consent text changed (now version " + text.version() + "); show the person the current one.",
                    "version").withCode("consent.outdated-text");
        }
        Optional<Consent> standing = standing(subject, purpose);
        if (standing.isPresent() && standing.get().version() == version) {
            return standing.get(); // the same consent again; a newer version is recorded beside an older one
        }
        Consent c = new Consent(ids++, subject, purpose, version, Instant.now(clock), capturedBy, null);
        records.add(c);
        return c;
    }

    @Override
    public synchronized Optional<Consent> standing(String subject, String purpose) {
        return records.stream().filter(c -> c.subject().equals(subject) && c.purpose().equals(purpose) && c.standing())
                .reduce((older, newer) -> newer); // the newest standing one
    }

    @Override
    public synchronized List<Consent> of(String subject) {
        return records.stream().filter(c -> c.subject().equals(subject)).sorted(Comparator.comparingLong(Consent::id).reversed()).toList();
    }

    @Override
    public synchronized boolean withdraw(String subject, String purpose) {
        boolean any = false;
        for (int i = 0; i < records.size(); i++) {
            Consent c = records.get(i);
            if (c.subject().equals(subject) && c.purpose().equals(purpose) && c.standing()) {
                records.set(i, new Consent(c.id(), c.subject(), c.purpose(), c.version(), c.givenAt(), c.capturedBy(), Instant.now(clock)));
                any = true;
            }
        }
        return any;
    }

    @Override
    public synchronized int withdrawAll(String subject) {
        int n = 0;
        for (Text t : List.copyOf(texts)) {
            n += withdraw(subject, t.purpose()) ? 1 : 0;
        }
        return n;
    }
}
