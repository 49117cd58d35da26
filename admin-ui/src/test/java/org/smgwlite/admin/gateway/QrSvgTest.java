package org.smgwlite.admin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    private static final String HANDOUT = String.join("\n",
            "# SMGW.Lite enrollment of EDEF0012345678, code valid until 2026-12-07T12:00:00Z",
            "platform.url=https://gw.example:8443",
            "platform.device.url=https://gw.example:8443",
            "platform.tenant=stadtwerke-demo",
            "gateway.id=EDEF0012345678",
            "enrollment.code=7KQ2-M9XD-HA3T-0VRC",
            "platform.root-sha256=3a:5f:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd");

    /** What a phone reads from the SVG: its squares painted at {@code SCALE} pixels per module, decoded by ZXing's reader. */
    private static String scan(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int[] pixels = new int[size * SCALE * size * SCALE];
        Arrays.fill(pixels, 0xFFFFFF);
        Matcher m = MODULE.matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    pixels[(y * SCALE + dy) * size * SCALE + x * SCALE + dx] = 0;
                }
            }
        }
        RGBLuminanceSource image = new RGBLuminanceSource(size * SCALE, size * SCALE, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image))).getText();
    }

    @Test
    void the_svg_scans_back_to_the_whole_handout() throws Exception {
        String svg = QrSvg.of(HANDOUT);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<script");
        assertThat(scan(svg)).isEqualTo(HANDOUT);
    }

    @Test
    void the_code_keeps_its_quiet_zone() {
        var modules = QrSvg.modules("EDEF0012345678");
        for (int i = 0; i < modules.getWidth(); i++) {
            for (int border = 0; border < QrSvg.QUIET_ZONE; border++) {
                assertThat(modules.get(i, border)).isFalse();
                assertThat(modules.get(border, i)).isFalse();
            }
        }
    }

    @Test
    void a_text_too_long_for_any_qr_code_is_refused_with_its_length() {
        assertThatThrownBy(() -> QrSvg.of("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5000 characters");
    }
}
