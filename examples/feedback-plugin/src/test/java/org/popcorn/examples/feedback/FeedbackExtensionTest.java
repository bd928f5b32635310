package org.popcorn.examples.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.testkit.PluginTestKit;

/** The plugin with the test kit: real migrations on H2, in-memory host services. No server needed. */
class FeedbackExtensionTest {

    PluginTestKit kit;
    FeedbackExtension.Api api;
    long ada;
    long bob;
    long org;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("feedback", new FeedbackExtension());
        api = (FeedbackExtension.Api) kit.extension().restResource();
        ada = kit.addMember("ada");
        bob = kit.addMember("bob");
        org = kit.addMember("olga");
        kit.makeOrganiser(org, kit.addCity("Chengdu", "CN", "Asia/Shanghai"));
    }

    FeedbackStore.Item post(String title) {
        FeedbackExtension.NewItem n = new FeedbackExtension.NewItem();
        n.kind = "suggestion";
        n.title = title;
        n.body = "It would help a lot.";
        Response r = api.create(n);
        assertEquals(201, r.getStatus());
        return (FeedbackStore.Item) r.getEntity();
    }

    @Test
    void membersPostAndOthersPlusOneOnce() {
        kit.actAs(ada);
        FeedbackStore.Item item = post("Dark mode");
        assertEquals("RECEIVED", item.status);
        PluginProblem own = assertThrows(PluginProblem.class, () -> api.vote(item.id));
        assertEquals(409, own.status());
        kit.actAs(bob);
        assertEquals(1, api.vote(item.id).votes);
        assertEquals(409, assertThrows(PluginProblem.class, () -> api.vote(item.id)).status());
        assertEquals(0, api.unvote(item.id).votes);
        kit.actAs(null);
        assertEquals(401, assertThrows(PluginProblem.class, () -> api.vote(item.id)).status());
    }

    @Test
    void organisersMoveItAlongAndTheAuthorIsToldAndPaidWhenItShips() {
        kit.actAs(ada);
        FeedbackStore.Item item = post("Meetup photos");
        FeedbackExtension.StatusChange c = new FeedbackExtension.StatusChange();
        c.status = "planned";
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.move(item.id, c)).status(), "members cannot move feedback");
        kit.actAs(org);
        assertEquals("PLANNED", api.move(item.id, c).status);
        c.status = "done";
        c.note = "Shipped in 2.3";
        assertEquals("DONE", api.move(item.id, c).status);
        c.status = "planned";
        assertEquals(409, assertThrows(PluginProblem.class, () -> api.move(item.id, c)).status(), "done is final");
        assertEquals(2, kit.notifications().size());
        assertTrue(kit.notifications().get(1).title().contains("done"));
        assertEquals(1, kit.points().size());
        assertEquals(10, kit.points().get(0).amount());
        assertTrue(kit.badges().contains(ada + ":feedback-shipped"));
        kit.actAs(ada);
        assertEquals("DONE", api.mine().items.get(0).status, "the author sees where it stands");
    }

    @Test
    void declineNeedsAPublicNoteAndBadInputChangesNothing() {
        kit.actAs(ada);
        FeedbackStore.Item item = post("Free popcorn");
        kit.actAs(org);
        FeedbackExtension.StatusChange c = new FeedbackExtension.StatusChange();
        c.status = "declined";
        assertEquals("note", assertThrows(PluginProblem.class, () -> api.move(item.id, c)).field());
        c.status = "shipped-yesterday";
        assertEquals("status", assertThrows(PluginProblem.class, () -> api.move(item.id, c)).field());
        assertEquals("RECEIVED", api.get(item.id).status);
        kit.setSetting("points-when-shipped", "25");
        c.status = "done";
        api.move(item.id, c);
        assertEquals(25, kit.points().get(0).amount(), "settings are read at run time");
        assertEquals(404, assertThrows(PluginProblem.class, () -> api.get(999)).status());
        assertEquals(1, api.list("done", 0, 20).total);
    }
}
