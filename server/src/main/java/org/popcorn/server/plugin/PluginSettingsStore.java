package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.popcorn.api.SettingDefinition;
import org.popcorn.server.common.ProblemException;

/** Plugins' settings: the admin's value (table {@code plugin_setting}) or the plugin's default; typed and checked. */
@ApplicationScoped
public class PluginSettingsStore {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    PluginHost host;

    /** Reads run in a transaction too: plugins read settings from event delivery and onSchedule threads. */
    @Transactional(dontRollbackOn = org.popcorn.server.common.ProblemException.class)
    public String value(String pluginId, String key) {
        SettingDefinition def = definition(pluginId, key);
        List<?> found = em.createNativeQuery("select setting_value from plugin_setting where plugin_id = ? and setting_key = ?")
                .setParameter(1, pluginId).setParameter(2, key).getResultList();
        return found.isEmpty() ? def.defaultValue() : String.valueOf(found.get(0));
    }

    @Transactional(dontRollbackOn = org.popcorn.server.common.ProblemException.class)
    public Map<String, String> values(String pluginId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingDefinition d : host.plugin(pluginId).extension().settings()) {
            out.put(d.key(), value(pluginId, d.key()));
        }
        return out;
    }

    @Transactional
    public void set(String pluginId, Map<String, String> changes) {
        for (Map.Entry<String, String> c : changes.entrySet()) {
            SettingDefinition def = definition(pluginId, c.getKey());
            String v = c.getValue() == null ? null : c.getValue().strip();
            if (v == null) {
                throw ProblemException.unprocessable("Give a value.", c.getKey()).withCode("plugin.setting-value-missing");
            }
            switch (def.type()) {
                case INTEGER -> {
                    try {
                        Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw ProblemException.unprocessable("'" + c.getKey() + "' is a whole number.", c.getKey()).withCode("plugin.setting-wrong-type");
                    }
                }
                case BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw ProblemException.unprocessable("'" + c.getKey() + "' is true or false.", c.getKey()).withCode("plugin.setting-wrong-type");
                    }
                }
                default -> {
                }
            }
            int updated = em.createNativeQuery("update plugin_setting set setting_value = ?, changed_at = ? where plugin_id = ? and setting_key = ?")
                    .setParameter(1, v).setParameter(2, java.time.OffsetDateTime.now()).setParameter(3, pluginId)
                    .setParameter(4, c.getKey()).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("insert into plugin_setting (plugin_id, setting_key, setting_value, changed_at) values (?, ?, ?, ?)")
                        .setParameter(1, pluginId).setParameter(2, c.getKey()).setParameter(3, v)
                        .setParameter(4, java.time.OffsetDateTime.now()).executeUpdate();
            }
        }
    }

    SettingDefinition definition(String pluginId, String key) {
        HostedPlugin p = host.plugin(pluginId);
        if (p.extension() == null) {
            throw ProblemException.conflict("Plugin '" + pluginId + "' is not running.", null).withCode("plugin.not-running");
        }
        return p.extension().settings().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.unprocessable("Plugin '" + pluginId + "' has no setting '" + key + "'.", key).withCode("plugin.unknown-setting"));
    }

}
