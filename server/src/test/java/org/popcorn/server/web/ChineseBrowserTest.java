package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.popcorn.server.support.Api;

/** The set-up and helpers of the browser tests that read the app and the plugin pages in 简体中文. */
abstract class ChineseBrowserTest extends BrowserTest {

    static final String MEETUPS = "api/plugins/meetups/meetups";

    Api api;
    /** Members sign up asking for Chinese, as a Chinese browser does. */
    Api zh;

    @BeforeEach
    void setUpChinese() {
        api = new Api(base);
        zh = api.inLanguage("zh-CN");
        newWait();
        desktopSize();
    }

    /** Opens a page (a plugin page or an app hash) reading in Chinese, as a member (null: nobody): a fresh load. */
    void openInChinese(String token, String page) {
        driver.get(site() + "plugins/meetups/index.html");
        js("localStorage.clear(); if (arguments[0]) localStorage.setItem('popcorn.token', arguments[0]);"
                + "localStorage.setItem('popcorn.lang', 'zh-CN');", token);
        driver.get(site() + page);
        driver.navigate().refresh(); // a hash-only change would not load the page afresh
    }

    /** An element's text as the page has it now (null while there is none), read in one step: pages redraw as answers arrive. */
    String textOf(String css) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css);
    }

    /** Whether an element's text, as the page has it now, contains a part. */
    boolean shows(String css, String part) {
        String text = textOf(css);
        return text != null && text.contains(part);
    }

    /** A member who organises meetups and rounds in a city; answers their token. */
    String organiser(String handle, long cityId) {
        String token = zh.member(handle, cityId);
        assertEquals(200, api.put("api/admin/members/" + handle + "/organiser/" + cityId, null, api.adminToken()).status());
        return token;
    }

    /** Creates a published meetup as an organiser (description may be null), lasting {@code seconds}; answers its id. */
    long publish(String organiser, long cityId, String title, String venue, String description, Instant start, long seconds, int capacity) {
        Api.Reply created = api.post(MEETUPS, "{\"cityId\":" + cityId + ",\"title\":\"" + title + "\",\"venueName\":\"" + venue + "\","
                + (description == null ? "" : "\"description\":\"" + description + "\",") + "\"startsAt\":\"" + start
                + "\",\"endsAt\":\"" + start.plusSeconds(seconds) + "\",\"capacity\":" + capacity + ",\"publish\":true}", organiser);
        assertEquals(201, created.status(), created.toString());
        assertEquals("PUBLISHED", created.json().getString("status"));
        return created.json().getJsonNumber("id").longValue();
    }

    /** The error stands in its control's field, the control is marked invalid, and it is announced with the control. */
    void assertNextTo(WebElement error, String controlId) {
        WebElement control = driver.findElement(By.id(controlId));
        assertEquals(Boolean.TRUE, js("return arguments[0].closest('.field').contains(arguments[1]);", error, control),
                "the error stands in the field of #" + controlId);
        assertEquals("true", control.getAttribute("aria-invalid"), controlId);
        assertTrue(control.getAttribute("aria-describedby").contains(error.getAttribute("id")), "announced with #" + controlId);
    }
}
