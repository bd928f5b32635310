package org.popcorn.plugins.charity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.Consents;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityViews.Waiver;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * Waivers on an activity's roles: a text a volunteer reads and accepts before signing up for the role (driving the
 * van, lifting at the food bank). The plugin stores each role's current text ({@code charity_waiver}) and publishes
 * it through the host's consent block as the purpose {@code waiver-<activityId>-<role>}, so a changed text becomes a
 * new version and every acceptance is kept by the host with its version and time (subject {@code member-<id>}, given
 * by the member themselves). One waiver per role of the activity: it holds for that role in every shift, as its
 * purpose is one.
 *
 * <p>A sign-up checks the acceptance before it writes anything and records it after the place is taken, in the same
 * unit of work, so both commit or neither (a refused join records no acceptance; on the server a failed record undoes
 * the place).
 */
final class Waivers {

    static final String EN = "en";
    static final String ZH = "zh-CN";
    static final int MAX_TEXT = 4000; // the host's limit for each language of a consent text
    private static final int MAX_PURPOSE = 64; // the host's limit for a purpose code

    /** A waiver's wording: English always, 简体中文 when given; each 1 to {@value #MAX_TEXT} characters. */
    record Wording(String en, String zhCN) {
        Wording {
            if (en == null || en.isBlank() || en.length() > MAX_TEXT) {
                throw new IllegalArgumentException("a waiver has an English text of 1 to " + MAX_TEXT + " characters");
            }
            if (zhCN != null && (zhCN.isBlank() || zhCN.length() > MAX_TEXT)) {
                throw new IllegalArgumentException("a waiver's Chinese text is absent or 1 to " + MAX_TEXT + " characters");
            }
        }

        /** The texts by locale, as the host's consent block takes them (English first). */
        Map<String, String> byLocale() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put(EN, en);
            if (zhCN != null) {
                out.put(ZH, zhCN);
            }
            return out;
        }
    }

    /** A role's waiver as stored: its wording and the version the host published it as. */
    record Stored(String role, Wording wording, int version) {
        Stored {
            if (role == null || wording == null || version < 1) {
                throw new IllegalArgumentException("a waiver belongs to a role and has a wording and a version from 1");
            }
        }

        /** The view for a reader whose standing acceptance of this purpose is {@code accepted} (null: none). */
        Waiver view(Integer accepted) {
            return new Waiver(version, wording.en(), wording.byLocale(), accepted != null && accepted == version);
        }
    }

    /** An acceptance a sign-up records once its place is taken; {@code replaces} when an older version's stands. */
    record Acceptance(long memberId, String purpose, int version, boolean replaces) {
    }

    private final PluginContext ctx;
    private final PluginJdbi db;

    Waivers(PluginContext ctx, PluginJdbi db) {
        this.ctx = ctx;
        this.db = db;
    }

    /** The consent purpose of a role's waiver. */
    static String purpose(long activityId, String role) {
        String p = "waiver-" + activityId + "-" + role;
        if (p.length() > MAX_PURPOSE) { // a 40-character role code leaves 16 digits for the id: no real activity has more
            throw new IllegalStateException("waiver purpose too long: " + p);
        }
        return p;
    }

    /** The host's consent subject for a member: an opaque reference, no personal data. */
    static String subject(long memberId) {
        return "member-" + memberId;
    }

    /**
     * A waiver as a client sends it, {@code {"en": …, "zh-CN": …}}, checked; {@code field} names it in a refusal. None
     * (null, or every text empty) answers null unless {@code required}; when one is given its English text is required.
     */
    static Wording check(Map<String, String> sent, String field, boolean required) {
        String prefix = field == null || field.isEmpty() ? "" : field + ".";
        if (sent != null) {
            for (String key : sent.keySet()) {
                if (!EN.equals(key) && !ZH.equals(key)) {
                    throw PluginProblem.invalid("A waiver is {\"en\": \"…\", \"zh-CN\": \"…\"} (English required, 简体中文 optional); '"
                            + (key.length() > 20 ? key.substring(0, 20) + "…" : key) + "' is not one of them.",
                            prefix.isEmpty() ? null : field).withCode("charity.invalid-waiver");
                }
            }
        }
        boolean none = sent == null || sent.values().stream().allMatch(v -> v == null || v.isBlank());
        if (none && !required) {
            return null;
        }
        Map<String, String> texts = sent == null ? Map.of() : sent;
        String en = Check.text(texts.get(EN), prefix + EN, MAX_TEXT, true);
        String zh = Check.text(texts.get(ZH), prefix + ZH, MAX_TEXT, false);
        return new Wording(en, zh);
    }

    // ---- the organisers' side ----

    /**
     * Publishes a role's waiver with the host and stores it: the same wording keeps its version, a changed one is the
     * next. Inside the caller's unit of work (creating the activity, or changing the waiver).
     */
    Stored put(long activityId, String role, Wording wording, long by) {
        int version = ctx.consents().publish(purpose(activityId, role), wording.byLocale()).version();
        Instant now = Instant.now(ctx.clock());
        db.with(h -> {
            int changed = h.createUpdate("update charity_waiver set text_en = :en, text_zh = :zh, version = :v, changed_by = :by, changed_at = :at "
                            + "where activity_id = :a and role_code = :r")
                    .bind("en", wording.en()).bind("zh", wording.zhCN()).bind("v", version).bind("by", by).bind("at", PluginJdbi.ts(now))
                    .bind("a", activityId).bind("r", role).execute();
            if (changed == 0) {
                h.createUpdate("insert into charity_waiver (activity_id, role_code, text_en, text_zh, version, changed_by, changed_at) "
                                + "values (:a, :r, :en, :zh, :v, :by, :at)")
                        .bind("a", activityId).bind("r", role).bind("en", wording.en()).bind("zh", wording.zhCN()).bind("v", version)
                        .bind("by", by).bind("at", PluginJdbi.ts(now)).execute();
            }
            return null;
        });
        ctx.log().info("event=charity.waiver-published activity=" + activityId + " role=" + role + " version=" + version + " by=" + by);
        return new Stored(role, wording, version);
    }

    /**
     * Sets ({@code sent}) or removes ({@code sent} null) the waiver of one of the activity's roles; for the organisers of
     * its city. Volunteers who accepted an older version keep their places: their acceptance stands until withdrawn.
     */
    void change(Activities.Row a, String role, Map<String, String> sent, boolean remove) {
        long me = ctx.currentMember().require();
        if (!ctx.currentMember().organises(a.cityId())) {
            throw PluginProblem.forbidden("Only an organiser of this city changes the activity's waivers.").withCode("charity.organiser-required");
        }
        long roles = db.with(h -> h.createQuery("select count(*) from charity_role r join charity_shift s on s.id = r.shift_id "
                + "where s.activity_id = :a and r.code = :c").bind("a", a.id()).bind("c", role).mapTo(Long.class).one());
        if (roles == 0) {
            throw PluginProblem.notFound("This activity has no role '" + role + "'.").withCode("charity.role-not-found");
        }
        if (remove) {
            int gone = db.with(h -> h.createUpdate("delete from charity_waiver where activity_id = :a and role_code = :r")
                    .bind("a", a.id()).bind("r", role).execute());
            ctx.log().info("event=charity.waiver-removed activity=" + a.id() + " role=" + role + " by=" + me + " existed=" + (gone > 0));
            return;
        }
        if (sent == null) {
            throw PluginProblem.invalid("Send the waiver as JSON: {\"en\": \"…\", \"zh-CN\": \"…\"}.", null).withCode("charity.missing-body");
        }
        put(a.id(), role, check(sent, "", true), me);
    }

    // ---- reading ----

    /** The waivers of an activity's roles, by role code. */
    Map<String, Stored> of(long activityId) {
        Map<String, Stored> out = new LinkedHashMap<>();
        db.with(h -> h.createQuery("select role_code, text_en, text_zh, version from charity_waiver where activity_id = :a order by role_code")
                .bind("a", activityId)
                .map((rs, c) -> out.put(rs.getString(1), new Stored(rs.getString(1), new Wording(rs.getString(2), rs.getString(3)), rs.getInt(4))))
                .list());
        return out;
    }

    /** The versions a member's standing acceptances are of, by purpose. */
    Map<String, Integer> acceptedBy(long memberId) {
        Map<String, Integer> out = new HashMap<>();
        for (Consents.Consent c : ctx.consents().of(subject(memberId))) {
            if (c.standing() && c.purpose().startsWith("waiver-")) {
                out.merge(c.purpose(), c.version(), Math::max);
            }
        }
        return out;
    }

    // ---- signing up ----

    /**
     * What a sign-up for the role must accept, checked before anything is written: nothing when the role has no waiver
     * or the member's standing acceptance is of its current version (joining again after leaving); else {@code sent}
     * must be the current version. A version sent for a role without a waiver (removed meanwhile) is ignored.
     */
    Optional<Acceptance> required(long activityId, String role, long memberId, Integer sent) {
        Optional<Stored> waiver = Optional.ofNullable(of(activityId).get(role));
        if (waiver.isEmpty()) {
            return Optional.empty();
        }
        int current = waiver.get().version();
        String purpose = purpose(activityId, role);
        Optional<Consents.Consent> standing = ctx.consents().standing(subject(memberId), purpose);
        boolean acceptedCurrent = standing.filter(c -> c.version() == current).isPresent();
        if (sent == null) {
            if (acceptedCurrent) {
                return Optional.empty();
            }
            throw PluginProblem.invalid("This role has a waiver: read version " + current + " and accept it (acceptWaiverVersion: "
                    + current + ").", "acceptWaiverVersion").withCode("charity.waiver-required");
        }
        if (sent.intValue() != current) {
            throw PluginProblem.conflict("The waiver of this role is now version " + current + ", not " + sent
                    + ": read the current one and accept it.", "acceptWaiverVersion").withCode("charity.waiver-outdated");
        }
        return acceptedCurrent ? Optional.empty() : Optional.of(new Acceptance(memberId, purpose, current, standing.isPresent()));
    }

    /**
     * Records an acceptance, given by the member themselves (no one captured it for them). The host keeps the first
     * standing consent of a purpose, so an acceptance of an older version is withdrawn first: the new version's is then
     * recorded, and both stay in the member's history.
     */
    Consents.Consent record(Acceptance a) {
        String subject = subject(a.memberId());
        if (a.replaces()) {
            ctx.consents().withdraw(subject, a.purpose());
        }
        Consents.Consent c = ctx.consents().record(subject, a.purpose(), a.version(), null);
        ctx.log().info("event=charity.waiver-accepted member=" + a.memberId() + " purpose=" + a.purpose() + " version=" + c.version());
        return c;
    }

    // ---- a member's data ----

    /** The member's acceptances, oldest first: purpose, activity and role, version, when, and when withdrawn. */
    List<Map<String, Object>> export(long memberId) {
        List<Consents.Consent> given = new ArrayList<>(ctx.consents().of(subject(memberId)));
        given.sort(Comparator.comparing(Consents.Consent::givenAt).thenComparingLong(Consents.Consent::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Consents.Consent c : given) {
            String[] parts = c.purpose().split("-", 3); // waiver-<activityId>-<role>
            if (parts.length != 3 || !parts[0].equals("waiver") || !parts[1].matches("\\d{1,18}")) {
                continue;
            }
            long activityId = Long.parseLong(parts[1]);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("purpose", c.purpose());
            e.put("activityId", activityId);
            e.put("activity", db.with(h -> h.createQuery("select title from charity_activity where id = :a").bind("a", activityId)
                    .mapTo(String.class).findOne()).orElse(null));
            e.put("role", parts[2]);
            e.put("version", c.version());
            e.put("acceptedAt", c.givenAt().toString());
            e.put("withdrawnAt", c.withdrawnAt() == null ? null : c.withdrawnAt().toString());
            out.add(e);
        }
        return out;
    }

    /**
     * On erasure: withdraws every standing acceptance of the member (as the consent block asks). The records stay with
     * the host under the opaque subject, which names no one once the account is anonymous.
     */
    int erase(long memberId) {
        return ctx.consents().withdrawAll(subject(memberId));
    }
}
