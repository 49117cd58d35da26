package org.smgwlite.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.SmlTelegramDecoder;
import org.smgwlite.agent.meter.TelegramListener;
import org.smgwlite.agent.sml.transport.FrameListener;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.sml.transport.SmlFrame;
import org.smgwlite.agent.sml.transport.SmlFramer;

/** The real meter captures copied into test resources, and a one-call decode for tests. */
public final class Captures {

    /** Every capture in {@code src/test/resources/sml-samples}, by file name without extension. */
    public static final List<String> ALL = List.of(
            "DZG_DVS-7412.2_jmberg", "DZG_DVS-7420.2V.G2_mtr0", "DZG_DVS-7420.2V.G2_mtr1",
            "DZG_DVS-7420.2V.G2_mtr1_error", "DZG_DVS-7420.2V.G2_mtr2", "EMH-ED300L_consumption",
            "EMH-ED300L_delivery", "EMH_eHZ-GW8E2A500AK2", "EMH_eHZ-HW8E2A5L0EK2P", "EMH_eHZ-HW8E2A5L0EK2P_1",
            "EMH_eHZ-HW8E2AWL0EK2P", "EMH_eHZ-IW8E2A5L0EK2P_with_error", "EMH_eHZ-IW8E2AWL0EK2P", "EMH_eHZ361L5R",
            "EMH_eHZ361L5R_1", "HOLLEY_DTZ541-ZDBA", "ISKRA_MT175_D1A52-V22-K0t", "ISKRA_MT175_eHZ",
            "ISKRA_MT631-D2A51-V22-K0z_with_PIN", "ISKRA_MT631-D2A51-V22-K0z_without_PIN", "ISKRA_MT691_eHZ-MS2020",
            "ITRON_OpenWay-3.HZ", "ITRON_OpenWay-3.HZ_without_PIN", "dzg_dwsb20_2th_2byte",
            "eBZ_DD3_DD32R06DTA-SMZ1");

    private Captures() {
    }

    public static byte[] bytes(String name) {
        return resource("/sml-samples/" + name + ".bin");
    }

    /** The expected distinct {@code OBIS;value;unit} lines, in order of first appearance. */
    public static List<String> expected(String name) {
        String text = new String(resource("/sml-samples/expected/" + name + ".csv"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    public static byte[] resource(String path) {
        try (InputStream in = Captures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a whole byte array in one go. */
    public static Decoded decode(byte[] bytes) {
        Decoded result = new Decoded();
        SmlTelegramDecoder decoder = new SmlTelegramDecoder(result);
        decoder.accept(bytes);
        decoder.endOfStream();
        return result;
    }

    /** Only the transport layer over a whole byte array. */
    public static Framed frames(byte[] bytes) {
        Framed result = new Framed();
        SmlFramer framer = new SmlFramer(result);
        framer.accept(bytes);
        framer.endOfStream();
        return result;
    }

    /** What the transport layer produced, in stream order. */
    public static final class Framed implements FrameListener {
        public final List<SmlFrame> frames = new ArrayList<>();
        public final List<FrameRejection> rejections = new ArrayList<>();

        @Override
        public void frame(SmlFrame frame) {
            frames.add(frame);
        }

        @Override
        public void rejected(FrameRejection rejection) {
            rejections.add(rejection);
        }
    }

    /** What a decode produced, in stream order. */
    public static final class Decoded implements TelegramListener {
        public final List<MeterTelegram> telegrams = new ArrayList<>();
        public final List<FrameRejection> rejections = new ArrayList<>();

        @Override
        public void telegram(MeterTelegram telegram) {
            telegrams.add(telegram);
        }

        @Override
        public void rejected(FrameRejection rejection) {
            rejections.add(rejection);
        }

        /** All CSV lines in stream order, duplicates kept. */
        public List<String> csvLines() {
            List<String> lines = new ArrayList<>();
            telegrams.forEach(t -> t.readings().forEach(r -> lines.add(r.toCsvLine())));
            return lines;
        }

        public List<String> distinctCsvLines() {
            return new ArrayList<>(new java.util.LinkedHashSet<>(csvLines()));
        }
    }
}
