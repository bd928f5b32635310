package org.popcorn.server.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fired synchronously while a member's data is gathered for download: observers (the plugin host) add their parts,
 * each under its owner's id, or say that theirs could not be read.
 */
public final class MemberExport {

    private final long memberId;
    private final Map<String, Object> parts = new LinkedHashMap<>();
    private final List<String> leftOut = new ArrayList<>();

    MemberExport(long memberId) {
        this.memberId = memberId;
    }

    /** The member whose data this is. */
    public long memberId() {
        return memberId;
    }

    /** Adds {@code owner}'s part (a JSON-able value). */
    public void add(String owner, Object part) {
        parts.put(owner, part);
    }

    /** Records that {@code owner}'s part could not be read now. */
    public void leftOut(String owner) {
        leftOut.add(owner);
    }

    Map<String, Object> parts() {
        return Collections.unmodifiableMap(parts);
    }

    List<String> leftOutOwners() {
        return List.copyOf(leftOut);
    }
}
