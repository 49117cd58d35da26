package org.smgwlite.agent.source;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

/** Reads a serial port (USB IR head) with jSerialComm; reads return 0 after {@code readTimeoutMillis} of silence. */
public final class SerialPortSource implements ByteSource {

    private final SerialSettings settings;
    private final SerialPort port;

    private SerialPortSource(SerialSettings settings, SerialPort port) {
        this.settings = settings;
        this.port = port;
    }

    /**
     * Opens the port with the given settings.
     *
     * @throws IOException if the device does not exist or cannot be opened, naming it
     */
    public static SerialPortSource open(SerialSettings settings, int readTimeoutMillis) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.device());
        } catch (RuntimeException e) {
            throw new IOException("no serial port " + settings.device() + ": " + e.getMessage(), e);
        }
        int parity = settings.parity() == 'E' ? SerialPort.EVEN_PARITY
                : settings.parity() == 'O' ? SerialPort.ODD_PARITY : SerialPort.NO_PARITY;
        int stopBits = settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits, parity);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, readTimeoutMillis, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + settings + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialPortSource(settings, port);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("serial port " + settings.device() + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public String describe() {
        return "serial:" + settings;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
