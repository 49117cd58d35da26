package org.smgwlite.admin.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.platform.certificate.CertificateStatus;
import org.smgwlite.platform.gateway.GatewayState;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.tenant.TenantKind;

class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** A key written out where a view asks for its text: {@code getTranslation("k"}, a text function's {@code apply("k"} or a {@code @TitleKey("k"}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("(?:getTranslation|text\\.apply|@TitleKey)\\(\"([^\"]+)\"");

    private final ResourceBundle english = Translations.bundle(Locale.US);
    private final ResourceBundle german = Translations.bundle(Locale.GERMANY);

    @Test
    void both_languages_have_every_key_with_the_same_placeholders() {
        assertThat(german.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        for (String key : english.keySet()) {
            assertThat(placeholders(german.getString(key))).as(key).isEqualTo(placeholders(english.getString(key)));
            assertThat(german.getString(key)).as(key).isNotBlank();
        }
    }

    @Test
    void every_key_the_views_ask_for_is_a_text() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).as("the scan found the views' keys")
                .contains("curve.summary", "notfound.title", "curve.bars.import.previous");
        // a key ending in a dot is completed by an enum constant's name
        assertThat(asked).contains("curve.span.", "curve.register.");
        Stream.of(CurveRange.Span.values()).forEach(s -> asked.add("curve.span." + s.name()));
        Stream.of(Register.values()).forEach(r -> asked.add("curve.register." + r.name()));
        assertThat(asked).contains("policy.", "tenants.kind.");
        Stream.of(CurvePolicy.NIST, CurvePolicy.BRAINPOOL).forEach(p -> asked.add("policy." + p.name()));
        Stream.of(TenantKind.values()).forEach(k -> asked.add("tenants.kind." + k.name()));
        assertThat(asked).contains("gateways.state.", "certificates.status.", "reason.");
        Stream.of(GatewayState.values()).forEach(s -> asked.add("gateways.state." + s.name()));
        Stream.of(CertificateStatus.values()).forEach(s -> asked.add("certificates.status." + s.name()));
        Stream.of(RevocationReason.values()).forEach(r -> asked.add("reason." + r.name()));
        asked.removeIf(key -> key.endsWith("."));
        assertThat(english.keySet()).containsAll(asked);
    }

    @Test
    void german_browsers_get_german_texts_and_every_other_language_english_with_values_in_place() {
        Translations translations = new Translations();

        assertThat(translations.getTranslation("curve.quarters.missing", Locale.GERMANY, "3", "96"))
                .isEqualTo("3 von 96 fehlen");
        assertThat(translations.getTranslation("curve.quarters.missing", new Locale("de", "AT"), "3", "96"))
                .isEqualTo("3 von 96 fehlen");
        assertThat(translations.getTranslation("curve.quarters.missing", Locale.FRANCE, "3", "96"))
                .isEqualTo("3 of 96 missing");
        assertThat(translations.getTranslation("no.such.key", Locale.US)).isEqualTo("!no.such.key!");
        assertThat(Translations.has("layout.sign-out")).isTrue();
        assertThat(Translations.has("menu.SomeFutureView")).isFalse();
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
