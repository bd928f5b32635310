package org.popcorn.server.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.demo.DemoData;
import org.popcorn.server.member.AdminBootstrap;
import org.popcorn.server.notification.EmailDelivery;

/**
 * What happens once at start, after the schema is migrated: the first admin from {@code POPCORN_ADMIN_*}, demo data
 * when {@code POPCORN_DEMO=true} on an empty community, the plugins, the e-mail delivery loop, the voting round scheduler, the sign-up offer sweeper, the
 * plugins' schedule and the loop that follows plugin changes made on other servers; after the plugins started, a fresh demo community is announced to them ({@code demo.loaded}).
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    AdminBootstrap admins;

    @Inject
    DemoData demo;

    @Inject
    EmailDelivery.EmailScheduler email;

    @Inject
    org.popcorn.server.voting.RoundScheduler rounds;

    @Inject
    org.popcorn.server.signup.OfferSweeper offers;

    @Inject
    org.popcorn.server.plugin.PluginHost plugins;

    @Inject
    org.popcorn.server.plugin.PluginEventBridge pluginEvents;

    @Inject
    org.popcorn.server.plugin.PluginScheduler pluginSchedule;

    @Inject
    org.popcorn.server.plugin.PluginFollower pluginFollower;

    @Inject
    org.popcorn.server.plugin.PluginMetrics pluginMetrics;

    @Inject
    @ConfigProperty(name = "popcorn.demo", defaultValue = "false")
    boolean demoEnabled;

    @Inject
    @ConfigProperty(name = "popcorn.admin.handle")
    Optional<String> adminHandle;

    @Inject
    @ConfigProperty(name = "popcorn.admin.email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "popcorn.admin.password")
    Optional<String> adminPassword;

    @Inject
    Housekeeping housekeeping;

    @PostConstruct
    void start() {
        try {
            admins.ensureAdmin(adminHandle, adminEmail, adminPassword);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event=bootstrap.admin-failed reason=" + e.getMessage());
        }
        boolean demoLoaded = false;
        if (demoEnabled) {
            try {
                demoLoaded = demo.loadIfEmpty();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "event=bootstrap.demo-failed reason=" + e.getMessage(), e);
            }
        }
        try {
            plugins.start();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event=bootstrap.plugins-failed reason=" + e.getMessage(), e);
        }
        pluginEvents.start();
        pluginSchedule.start();
        pluginFollower.startAfterBootScan();
        try {
            pluginMetrics.register();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=bootstrap.metrics-failed reason=" + e.getMessage());
        }
        if (demoLoaded) {
            try {
                demo.announce();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=bootstrap.demo-announce-failed reason=" + e.getMessage());
            }
        }
        email.start();
        rounds.start();
        offers.start();
        housekeeping.start();
    }
}
