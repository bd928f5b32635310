package org.popcorn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeTextsTest {

    @Test
    void anInstantReadsInTheCitysZoneWithTheZoneNamed() {
        Instant at = Instant.parse("2027-03-06T11:00:00Z");
        assertEquals("Sat 6 Mar 2027, 19:00 (Asia/Shanghai)", TimeTexts.inZone(at, ZoneId.of("Asia/Shanghai")));
        assertEquals("Sat 6 Mar 2027, 12:00 (Europe/Berlin)", TimeTexts.inZone(at.toString(), ZoneId.of("Europe/Berlin")));
        assertEquals("Sat 6 Mar 2027, 11:00 (UTC)", TimeTexts.inZone(at, null));
        assertEquals("soon", TimeTexts.inZone("soon", ZoneId.of("UTC")), "not an instant: left as it is");
        assertEquals("", TimeTexts.inZone((Instant) null, ZoneId.of("UTC")));
    }
}
