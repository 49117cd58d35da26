package org.smgwlite.agent.source;

import java.util.Locale;

/**
 * Line settings of a serial port, written like {@code 9600 8N1} or {@code 300 7E1}.
 *
 * @param device   e.g. {@code /dev/ttyUSB0} or {@code COM3}
 * @param baud     bits per second
 * @param dataBits 7 or 8
 * @param parity   'N', 'E' or 'O'
 * @param stopBits 1 or 2
 */
public record SerialSettings(String device, int baud, int dataBits, char parity, int stopBits) {

    /** SML push meters (eHZ, EDL21): 9600 baud, 8 data bits, no parity, 1 stop bit. */
    public static SerialSettings sml(String device) {
        return new SerialSettings(device, 9600, 8, 'N', 1);
    }

    /** IEC 62056-21 mode C starts at 300 baud, 7E1 (the meter may then switch to 9600 7E1). */
    public static SerialSettings d0(String device, int baud) {
        return new SerialSettings(device, baud, 7, 'E', 1);
    }

    public SerialSettings {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("serial device is empty");
        }
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate out of range: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8, was " + dataBits);
        }
        parity = Character.toUpperCase(parity);
        if (parity != 'N' && parity != 'E' && parity != 'O') {
            throw new IllegalArgumentException("parity must be N, E or O, was " + parity);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, was " + stopBits);
        }
    }

    /**
     * Parses {@code DEVICE[,BAUD[,FRAME]]} such as {@code /dev/ttyUSB0,300,7E1}; defaults 9600 8N1.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static SerialSettings parse(String spec) {
        String[] parts = spec.split(",");
        int baud = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 9600;
        String frame = parts.length > 2 ? parts[2].trim().toUpperCase(Locale.ROOT) : "8N1";
        if (!frame.matches("[5-8][NEO][12]")) {
            throw new IllegalArgumentException("frame must look like 8N1 or 7E1, was " + frame);
        }
        return new SerialSettings(parts[0].trim(), baud, frame.charAt(0) - '0', frame.charAt(1),
                frame.charAt(2) - '0');
    }

    @Override
    public String toString() {
        return device + " " + baud + " " + dataBits + parity + stopBits;
    }
}
