package org.popcorn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static final Instant AT = Instant.parse("2027-03-06T11:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Message offer = Message.of("seat-offered.body", "Accept it before {until}, {name}.")
            .time("until", AT, SHANGHAI).with("name", "Li $1 {x}");

    @Test
    void englishFillsThePlacesAndLeavesTypedTextAsItIs() {
        assertEquals("Accept it before Sat 6 Mar 2027, 19:00 (Asia/Shanghai), Li $1 {x}.", offer.english());
        assertEquals("Hi {who}", Message.of("hi", "Hi {who}").english(), "a place without a parameter stays as written");
    }

    @Test
    void anotherLanguageUsesItsWordingAndItsWayOfWritingTimes() {
        Map<String, String> zh = Map.of("seat-offered.body", "请在 {until} 之前接受，{name}。");
        assertEquals("请在 2027年3月6日 周六 19:00（Asia/Shanghai） 之前接受，Li $1 {x}。", offer.render(zh::get, "zh-CN"));
        assertEquals(offer.english(), offer.render(k -> null, "zh-CN"), "no wording in that language: English, its time too");
    }

    @Test
    void numbersCitiesAndNestedSentencesRenderInTheSameLanguage() {
        Message hours = Message.of("hours", "{h} hours in {city}. {why}").with("h", 2.5).city("city", 7, "Chengdu")
                .with("why", Message.of("thanks", "Thank you!"));
        assertEquals("2.5 hours in Chengdu. Thank you!", hours.english());
        Map<String, String> zh = Map.of("hours", "{h} 小时，{city}。{why}", "thanks", "谢谢！");
        assertEquals("2.5 小时，成都。谢谢！", hours.render(zh::get, id -> id == 7 ? "成都" : null, "zh-CN"));
        assertEquals("2.5 hours in Chengdu. 谢谢！", hours.render(Map.of("thanks", "谢谢！")::get, id -> "成都", "zh-CN"),
                "an English sentence names the city in English; its nested sentence has its own wording");
        assertEquals("3 points", Message.of("p", "{n} points").with("n", 3L).english());
        assertEquals("2 hours", Message.of("p", "{n} hours").with("n", 2.0).english(), "a whole number has no decimal");
    }

    @Test
    void keysAreStableIdsAndMessagesAreValues() {
        assertThrows(IllegalArgumentException.class, () -> Message.of("Has Spaces", "x"));
        assertEquals(Message.of("a", "b").with("n", 1L), Message.of("a", "b").with("n", 1L));
    }
}
