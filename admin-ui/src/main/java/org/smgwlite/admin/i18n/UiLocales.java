package org.smgwlite.admin.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The locale of a UI from the browser's preferred ones (Accept-Language, best first): the first English or German
 * one, kept as the browser sent it, so that de-AT and en-GB format dates and numbers their own way while the texts
 * come from the German or English bundle. A browser that prefers neither gets US English.
 */
public final class UiLocales {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private UiLocales() {
    }

    public static Locale pick(List<Locale> browserLocales) {
        return browserLocales.stream()
                .filter(l -> SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(l.getLanguage())))
                .findFirst()
                .orElse(Locale.US);
    }
}
