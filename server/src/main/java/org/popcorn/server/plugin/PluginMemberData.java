package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.member.MemberErasing;
import org.popcorn.server.privacy.MemberExport;

/**
 * A member's data in the plugins: their part of "download my data" ({@link org.popcorn.api.PopcornExtension#exportMember})
 * and its erasure when the account is deleted ({@link org.popcorn.api.PopcornExtension#eraseMember}). Every plugin that
 * started is asked, also one an admin disabled: the data is the member's whatever the plugin's state. A plugin that
 * failed to start cannot be asked (its tables stay as they are until it runs again; the log line of the deletion says
 * so).
 */
@ApplicationScoped
public class PluginMemberData {

    private static final Logger LOG = Logger.getLogger(PluginMemberData.class.getName());

    @Inject
    PluginHost host;

    /** Inside the deletion's transaction: a plugin that throws makes the whole deletion roll back. */
    void erase(@Observes MemberErasing erasing) {
        for (HostedPlugin p : host.all()) {
            if (!p.isRunning()) {
                LOG.warning(() -> "event=plugin.erase-skipped plugin=" + p.id + " member=" + erasing.memberId()
                        + " reason=\"not started: " + p.reason + "\"");
                continue;
            }
            try {
                p.extension.eraseMember(erasing.memberId());
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "event=plugin.erase-failed plugin=" + p.id + " member=" + erasing.memberId()
                        + " reason=\"" + PluginHost.rootMessage(e) + "\"", e);
                throw new ProblemException(503, "Service unavailable",
                        "Your data could not be erased completely just now, so nothing was deleted. Try again later.", null, 60L)
                        .withCode("member.erase-failed");
            }
        }
    }

    /** Adds each plugin's part to a member's download; one that throws is left out and named. */
    void export(@Observes MemberExport export) {
        for (HostedPlugin p : host.all()) {
            if (!p.isRunning()) {
                continue;
            }
            try {
                Object part = p.extension.exportMember(export.memberId());
                if (part != null) {
                    export.add(p.id, part);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "event=plugin.export-failed plugin=" + p.id + " member=" + export.memberId()
                        + " reason=\"" + PluginHost.rootMessage(e) + "\"", e);
                export.leftOut(p.id);
            }
        }
    }
}
