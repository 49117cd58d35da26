package org.smgwlite.admin.i18n;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The UI texts in English ({@code i18n/messages.properties}) and German ({@code messages_de.properties}). vaadin-cdi
 * 15 takes the {@link I18NProvider} from a bean qualified {@code @VaadinServiceEnabled}, so every
 * {@code getTranslation} of a component lands here. Any locale but German gets English, whatever the server's default
 * locale is (no fallback to it). A missing key shows as {@code !key!} and is logged, never an exception in a view.
 */
@VaadinServiceEnabled
@VaadinServiceScoped
public class Translations implements I18NProvider {

    static final String BUNDLE = "i18n.messages";
    private static final Logger LOG = Logger.getLogger(Translations.class.getName());
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return UiLocales.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale l = UiLocales.pick(List.of(locale == null ? Locale.ENGLISH : locale));
        try {
            String pattern = bundle(l).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, l).format(params);
        } catch (MissingResourceException e) {
            LOG.warning("no UI text for key " + key + " (" + l + ")");
            return "!" + key + "!";
        }
    }

    /** Whether {@code key} is a UI text (both bundles hold the same keys: {@code TranslationsTest}). */
    public static boolean has(String key) {
        return bundle(Locale.ENGLISH).containsKey(key);
    }

    static ResourceBundle bundle(Locale locale) {
        Locale language = Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, language, Translations.class.getClassLoader(), NO_FALLBACK);
    }
}
