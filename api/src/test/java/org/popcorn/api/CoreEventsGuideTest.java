package org.popcorn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin guide's event table and {@link CoreEvents} list the same events with the same payload fields. */
class CoreEventsGuideTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `([a-z.-]+)` \\| (.*) \\|$", Pattern.MULTILINE);

    @Test
    void theGuideListsEveryCoreEventWithItsFields() throws IOException {
        String guide = Files.readString(Path.of("../docs/plugin-guide.md"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(guide);
        while (m.find()) {
            rows.put(m.group(2), new String[] {m.group(1), m.group(3)});
        }
        assertEquals(CoreEvents.ALL.stream().map(CoreEvents.Type::name).toList(), rows.keySet().stream().toList(),
                "the guide's event table, in order");
        for (CoreEvents.Type t : CoreEvents.ALL) {
            String[] row = rows.get(t.name());
            assertEquals(t.name(), constant(row[0]), "the guide names the constant of " + t.name());
            for (String f : t.fields()) {
                assertTrue(row[1].contains("`" + f + "`") && !row[1].contains("*`" + f + "`*"), t.name() + " lists " + f);
            }
            for (String f : t.optionalFields()) {
                assertTrue(row[1].contains("*`" + f + "`*"), t.name() + " lists " + f + " as optional (in italics)");
            }
        }
    }

    @Test
    void everyConstantIsInTheList() throws IllegalAccessException {
        int constants = 0;
        for (Field f : CoreEvents.class.getFields()) {
            if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
                constants++;
                assertTrue(CoreEvents.find((String) f.get(null)).isPresent(), f.getName() + " is in CoreEvents.ALL");
            }
        }
        assertEquals(CoreEvents.ALL.size(), constants);
    }

    @Test
    void aPayloadIsCheckedAgainstItsType() {
        CoreEvents.Type closed = CoreEvents.find(CoreEvents.ROUND_CLOSED).orElseThrow();
        closed.check(Map.of("roundId", 1L, "title", "T", "ballots", 3, "eligible", 9));
        closed.check(Map.of("roundId", 1L, "title", "T", "ballots", 3, "eligible", 9, "winnerCityId", 4L));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> closed.check(Map.of("roundId", 1L, "title", "T", "ballots", 3)));
        assertTrue(missing.getMessage().contains("eligible"), missing.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> closed.check(Map.of("roundId", 1L, "title", "T", "ballots", 3, "eligible", 9, "winner", 4L)));
        assertTrue(extra.getMessage().contains("winner"), extra.getMessage());
    }

    private static String constant(String name) {
        try {
            return (String) CoreEvents.class.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            return "no constant " + name;
        }
    }
}
