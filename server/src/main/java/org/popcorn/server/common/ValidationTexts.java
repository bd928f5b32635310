package org.popcorn.server.common;

import jakarta.validation.ConstraintViolation;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.popcorn.server.language.Language;

/**
 * A Bean Validation message in the reader's language. The core's constraints name their message by key
 * ({@code message = "{popcorn.member.handle.pattern}"}); English is in {@code ValidationMessages.properties}, 简体中文
 * in {@code ValidationMessages_zh_CN.properties}. The validator renders messages in the server's own locale, so a
 * problem answer looks the key up again in the request's language; other messages (the provider's own) stay as the
 * validator wrote them.
 */
public final class ValidationTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ValidationTexts() {
    }

    /** The violation's message in {@code lang} ({@link Language}). */
    public static String of(ConstraintViolation<?> v, String lang) {
        String template = v.getMessageTemplate();
        if (template == null || !template.startsWith("{popcorn.") || !template.endsWith("}")) {
            return v.getMessage();
        }
        String text = lookup(template.substring(1, template.length() - 1), lang);
        return text == null ? v.getMessage() : text;
    }

    /** The message under {@code key} in {@code lang}, else in English, else null. */
    public static String lookup(String key, String lang) {
        Locale locale = Language.CHINESE.equals(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        try {
            return ResourceBundle.getBundle("ValidationMessages", locale, ValidationTexts.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException missing) {
            return locale == Locale.ROOT ? null : lookup(key, Language.ENGLISH);
        }
    }
}
