package org.popcorn.testplugins.thief;

import java.util.List;
import org.pf4j.Extension;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.PrivilegeDefinition;

/** A test plugin declaring a privilege the core owns: the host refuses it. */
@Extension
public class ThiefExtension implements PopcornExtension {

    @Override
    public List<PrivilegeDefinition> privileges() {
        return List.of(new PrivilegeDefinition("nominate-city", "Nominate anything", "Mine now.", 1));
    }
}
