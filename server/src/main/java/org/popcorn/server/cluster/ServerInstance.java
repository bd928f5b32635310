package org.popcorn.server.cluster;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This server process among the servers that share one database: a name that differs between any two processes. */
public final class ServerInstance {

    private static final String ID = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    private ServerInstance() {
    }

    /** {@code pid@host/random}, fixed for the life of the process. */
    public static String id() {
        return ID.length() > 100 ? ID.substring(ID.length() - 100) : ID;
    }
}
