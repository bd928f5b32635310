package org.popcorn.testplugins.probe;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import org.popcorn.api.NavigationEntry;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.PopcornEvent;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.PrivilegeDefinition;
import org.popcorn.api.SettingDefinition;
import org.popcorn.api.Signups;

/** A test plugin exercising the SDK: routes through the core's auth, its own table, events, settings, a page. */
@Extension
public class ProbeExtension implements PopcornExtension {

    private PluginContext ctx;

    @Override
    public void start(PluginContext context) {
        this.ctx = context;
        if (context.signups() != null) {
            try {
                context.signups().pool("seats");
            } catch (PluginProblem notYet) {
                context.signups().setCapacity("seats", 50);
            }
        }
    }

    @Override
    public Object restResource() {
        return new Api();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("member.registered", "ballot.cast", "signup.offered", "signup.offer-expired", "signup.skipped");
    }

    @Override
    public void onEvent(PopcornEvent event) {
        if (event.type().equals("ballot.cast")) {
            throw new IllegalStateException("probe listener fails on purpose");
        }
        String text = event.type().startsWith("signup.") ? event.type() + " " + event.text("pool") : "welcome " + event.text("handle");
        ctx.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into probe_note (text, author_id) values (?, ?)")) {
                ps.setString(1, text);
                ps.setLong(2, event.longValue("memberId"));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition("greeting", SettingDefinition.Type.STRING, "hello", "How the probe greets"),
                new SettingDefinition("max-notes", SettingDefinition.Type.INTEGER, "100", "Notes kept"),
                new SettingDefinition("erase", SettingDefinition.Type.BOOLEAN, "true", "Erase a deleted member's notes (false: refuse, to test)"));
    }

    @Override
    public List<PrivilegeDefinition> privileges() {
        return List.of(new PrivilegeDefinition("probe-tester", "Probe tester", "Tries the probe's experiments first.", 3));
    }

    /** A member's notes, for "download my data". */
    @Override
    public Object exportMember(long memberId) {
        List<String> notes = ctx.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select text from probe_note where author_id = ? order by id")) {
                ps.setLong(1, memberId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        return notes.isEmpty() ? null : Map.of("notes", notes);
    }

    /** Deletes a member's notes; refuses while the {@code erase} setting is false. */
    @Override
    public void eraseMember(long memberId) {
        ctx.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from probe_note where author_id = ?")) {
                ps.setLong(1, memberId);
                return ps.executeUpdate();
            }
        });
        if (!ctx.settings().getBoolean("erase")) {
            throw new IllegalStateException("the probe refuses to erase, on purpose");
        }
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(Map.of("en", "Probe", "zh-CN", "探针"), "/plugins/probe/index.html", "flask"));
    }

    /** A note. */
    public static class Note {
        public String text;
        public Long authorId;
    }

    /** The plugin's routes under /api/plugins/probe. */
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public class Api {

        /** Which class loader gave the probe a library it ships, the SDK and the Jakarta API. */
        @GET
        @Path("class-loaders")
        public Map<String, Object> classLoaders() {
            ClassLoader own = ProbeExtension.class.getClassLoader();
            return Map.of("libraryFromPlugin", org.apache.commons.csv.CSVFormat.class.getClassLoader() == own,
                    "sdkFromPlugin", PopcornExtension.class.getClassLoader() == own,
                    "jakartaFromPlugin", jakarta.ws.rs.GET.class.getClassLoader() == own);
        }

        /** Whether the caller may do what a privilege allows. */
        @GET
        @Path("may")
        public Map<String, Object> may(@QueryParam("privilege") String privilege) {
            return Map.of("may", ctx.currentMember().may(privilege));
        }

        @GET
        @Path("hello")
        public Map<String, Object> hello() {
            long me = ctx.currentMember().require();
            return Map.of("greeting", ctx.settings().get("greeting"), "member", ctx.members().byId(me).orElseThrow().handle());
        }

        @POST
        @Path("notes")
        public Note add(Note note) {
            long me = ctx.currentMember().require();
            if (note == null || note.text == null || note.text.isBlank()) {
                throw PluginProblem.invalid("Write something.", "text");
            }
            ctx.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into probe_note (text, author_id) values (?, ?)")) {
                    ps.setString(1, note.text);
                    ps.setLong(2, me);
                    return ps.executeUpdate();
                }
            });
            ctx.rewards().awardPoints(me, 5, "Wrote a probe note", "note-" + note.text);
            note.authorId = me;
            return note;
        }

        /** Answers its body back after {@code ms} milliseconds: a use case slower than the body timeout. */
        @POST
        @Path("slow")
        public Map<String, Object> slow(Map<String, Object> body, @QueryParam("ms") int ms) throws InterruptedException {
            Thread.sleep(ms);
            return body;
        }

        /**
         * One use case over many SDK services: a seat, points, a note and an event, failing on purpose after the step
         * named by {@code failAfter} (signup, points, note) or swallowing a failed insert of its own ({@code caught}).
         * Nothing of it may stay when it fails.
         */
        @POST
        @Path("use-case")
        public Map<String, Object> useCase(@QueryParam("failAfter") String failAfter) {
            long me = ctx.currentMember().require();
            ctx.signups().join("seats", me, 1);
            if ("signup".equals(failAfter)) {
                throw new IllegalStateException("the probe fails after the sign-up on purpose");
            }
            ctx.rewards().awardPoints(me, 7, "Probe use case", "use-case-" + me);
            if ("points".equals(failAfter)) {
                throw PluginProblem.conflict("The probe fails after the points on purpose.", null);
            }
            insertNote("use case of " + me, me);
            if ("caught".equals(failAfter)) {
                try {
                    insertNote(null, me); // text is not null: the insert fails, and only it is undone
                } catch (PluginProblem refused) {
                    // carry on: the rest of the use case still commits
                }
            }
            ctx.events().publish("probe.used", Map.of("memberId", me));
            if ("note".equals(failAfter)) {
                insertNote(null, me);
            }
            return Map.of("member", me, "done", true);
        }

        private void insertNote(String text, long author) {
            ctx.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into probe_note (text, author_id) values (?, ?)")) {
                    ps.setString(1, text);
                    ps.setLong(2, author);
                    return ps.executeUpdate();
                }
            });
        }

        @POST
        @Path("seats")
        public Signups.Place join(@QueryParam("party") Integer party) {
            return ctx.signups().join("seats", ctx.currentMember().require(), party == null ? 1 : party);
        }

        @DELETE
        @Path("seats")
        public List<Signups.Place> leave() {
            return ctx.signups().leave("seats", ctx.currentMember().require());
        }

        @GET
        @Path("seats")
        public Signups.Pool seats() {
            return ctx.signups().pool("seats");
        }

        @PUT
        @Path("seats/capacity")
        public List<Signups.Place> capacity(@QueryParam("value") int value) {
            return ctx.signups().setCapacity("seats", value);
        }

        /** A one-seat pool whose freed seat is offered for {@code seconds} (the server's shortest offer window allowing). */
        @PUT
        @Path("offers")
        public List<Signups.Place> offers(@QueryParam("seconds") int seconds) {
            return ctx.signups().setCapacity("offers", 1, java.time.Duration.ofSeconds(seconds));
        }

        @POST
        @Path("offers")
        public Signups.Place joinOffers() {
            return ctx.signups().join("offers", ctx.currentMember().require(), 1);
        }

        @DELETE
        @Path("offers")
        public List<Signups.Place> leaveOffers() {
            return ctx.signups().leave("offers", ctx.currentMember().require());
        }

        @POST
        @Path("offers/accept")
        public Signups.Place accept() {
            return ctx.signups().accept("offers", ctx.currentMember().require());
        }

        @GET
        @Path("offers/mine")
        public Signups.Place mine() {
            return ctx.signups().placeOf("offers", ctx.currentMember().require()).orElseThrow(() -> PluginProblem.notFound("not in the pool"));
        }

        /** Defines a timed, exclusive pool (a "shift"), optionally needing a level or a qualification. */
        @PUT
        @Path("shifts/{name}")
        public List<Signups.Place> defineShift(@jakarta.ws.rs.PathParam("name") String name, @QueryParam("capacity") int capacity,
                                               @QueryParam("start") String start, @QueryParam("end") String end,
                                               @QueryParam("zone") String zone, @QueryParam("title") String title,
                                               @QueryParam("minLevel") Integer minLevel,
                                               @QueryParam("qualification") String qualification,
                                               @QueryParam("exclusive") @jakarta.ws.rs.DefaultValue("true") boolean exclusive) {
            Signups.Eligibility rules = Signups.Eligibility.ANYONE;
            if (minLevel != null) {
                rules = rules.andMinLevel(minLevel);
            }
            if (qualification != null) {
                rules = rules.andQualification(qualification);
            }
            java.time.Instant from = java.time.Instant.parse(start);
            java.time.Instant to = java.time.Instant.parse(end);
            java.time.ZoneId z = java.time.ZoneId.of(zone == null ? "UTC" : zone);
            Signups.PoolSpec spec = Signups.PoolSpec.capacity(capacity);
            spec = exclusive ? spec.withExclusiveTime(from, to, z) : spec.withTime(from, to, z);
            return ctx.signups().define(name, spec.withTitle(title).withEligibility(rules));
        }

        @GET
        @Path("shifts/{name}/spec")
        public Signups.PoolSpec shiftSpec(@jakarta.ws.rs.PathParam("name") String name) {
            return ctx.signups().spec(name);
        }

        @POST
        @Path("shifts/{name}")
        public Signups.Place joinShift(@jakarta.ws.rs.PathParam("name") String name) {
            return ctx.signups().join(name, ctx.currentMember().require(), 1);
        }

        @DELETE
        @Path("shifts/{name}")
        public List<Signups.Place> leaveShift(@jakarta.ws.rs.PathParam("name") String name) {
            return ctx.signups().leave(name, ctx.currentMember().require());
        }

        @POST
        @Path("shifts/{name}/close")
        public Map<String, Object> closeShift(@jakarta.ws.rs.PathParam("name") String name) {
            ctx.signups().close(name);
            return Map.of("closed", name);
        }

        @DELETE
        @Path("shifts/{name}/pool")
        public List<Signups.Place> deleteShift(@jakarta.ws.rs.PathParam("name") String name) {
            return ctx.signups().delete(name);
        }

        @GET
        @Path("shifts/counts")
        public Map<String, Signups.Pool> shiftCounts(@QueryParam("names") String names) {
            return ctx.signups().pools(List.of(names.split(",")));
        }

        @GET
        @Path("shifts/mine")
        public List<Signups.Place> myShifts() {
            return ctx.signups().placesOf(ctx.currentMember().require());
        }

        @GET
        @Path("commitments")
        public List<Signups.Commitment> commitments(@QueryParam("from") String from, @QueryParam("to") String to) {
            return ctx.signups().commitmentsOf(ctx.currentMember().require(), java.time.Instant.parse(from), java.time.Instant.parse(to));
        }

        /** An admin grants a member one of the probe's qualifications. */
        @PUT
        @Path("qualifications/{code}/{member}")
        public org.popcorn.api.Qualifications.Qualification qualify(@jakarta.ws.rs.PathParam("code") String code,
                                                                     @jakarta.ws.rs.PathParam("member") long member) {
            if (!ctx.currentMember().isAdmin()) {
                throw PluginProblem.forbidden("admins only");
            }
            return ctx.qualifications().grant(member, code, ctx.currentMember().require(), null);
        }

        @DELETE
        @Path("qualifications/{code}/{member}")
        public Map<String, Object> unqualify(@jakarta.ws.rs.PathParam("code") String code, @jakarta.ws.rs.PathParam("member") long member) {
            if (!ctx.currentMember().isAdmin()) {
                throw PluginProblem.forbidden("admins only");
            }
            return Map.of("revoked", ctx.qualifications().revoke(member, code));
        }

        @GET
        @Path("seats/waiting")
        public List<Signups.Place> waiting() {
            return ctx.signups().places("seats", Signups.Status.WAITING, 0, 1000);
        }

        @GET
        @Path("notes")
        public List<Note> notes() {
            return ctx.database().inTransaction(c -> {
                List<Note> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select text, author_id from probe_note order by id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Note n = new Note();
                        n.text = rs.getString(1);
                        n.authorId = rs.getLong(2);
                        out.add(n);
                    }
                }
                return out;
            });
        }
    }
}
