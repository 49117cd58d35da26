package org.smgwlite.agent.meter;

import org.smgwlite.agent.sml.transport.FrameRejection;

/** Receives decoded telegrams and rejected stretches of a meter stream, in stream order. */
public interface TelegramListener {

    void telegram(MeterTelegram telegram);

    void rejected(FrameRejection rejection);
}
