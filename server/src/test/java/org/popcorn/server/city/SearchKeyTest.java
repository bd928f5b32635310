package org.popcorn.server.city;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SearchKeyTest {

    @Test
    void caseAndAccentsDoNotMatter() {
        assertEquals("sao paulo", SearchKey.of("São Paulo"));
        assertEquals("sao paulo", SearchKey.of("  SAO   PAULO "));
        assertEquals("zurich", SearchKey.of("Zürich"));
        assertEquals("xi an", SearchKey.of("Xi'an"));
        assertEquals("lodz", SearchKey.of("Łódź"));
    }

    @Test
    void chineseStaysAsItIs() {
        assertEquals("北京", SearchKey.of("北京"));
        assertEquals("成都市", SearchKey.of(" 成都市 "));
    }

    @Test
    void nothingGivesEmpty() {
        assertEquals("", SearchKey.of(null));
        assertEquals("", SearchKey.of("   "));
    }
}
