package org.smgwlite.agent.meter;

import org.smgwlite.agent.sml.structure.SmlDecodingException;
import org.smgwlite.agent.sml.structure.SmlFile;
import org.smgwlite.agent.sml.structure.SmlFileDecoder;
import org.smgwlite.agent.sml.transport.FrameListener;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.sml.transport.SmlFrame;
import org.smgwlite.agent.sml.transport.SmlFramer;

/**
 * The three SML layers in a row: transport ({@link SmlFramer}), structure ({@link SmlFileDecoder}),
 * mapping ({@link SmlTelegramMapper}). Push bytes in as they arrive; telegrams and rejections come
 * out in stream order.
 *
 * <p>Invariant: no exception escapes {@link #accept} or {@link #endOfStream} because of the input;
 * a frame that fails any layer becomes a {@link FrameRejection} with offset and reason, and the
 * next frame is read. Not thread-safe: one instance per byte stream.
 */
public final class SmlTelegramDecoder implements TelegramDecoder, FrameListener {

    /** Prefix of rejection reasons that stem from a bug here rather than from the input. */
    public static final String INTERNAL_ERROR = "internal decoder error: ";

    private final TelegramListener listener;
    private final SmlFramer framer;
    private final SmlFileDecoder fileDecoder = new SmlFileDecoder();
    private final SmlTelegramMapper mapper = new SmlTelegramMapper();

    public SmlTelegramDecoder(TelegramListener listener) {
        this.listener = listener;
        this.framer = new SmlFramer(this);
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        framer.accept(bytes, offset, length);
    }

    @Override
    public void endOfStream() {
        framer.endOfStream();
    }

    @Override
    public void frame(SmlFrame frame) {
        SmlFile file;
        try {
            // unescaped data starts after the 8-byte start sequence; offsets are exact unless escapes precede them
            file = fileDecoder.decode(frame.messages(), frame.offset() + 8);
        } catch (SmlDecodingException e) {
            listener.rejected(new FrameRejection(frame.offset(), frame.wireLength(),
                    "invalid SML at offset " + e.offset() + ": " + e.reason()));
            return;
        } catch (RuntimeException e) {
            listener.rejected(new FrameRejection(frame.offset(), frame.wireLength(), INTERNAL_ERROR + e));
            return;
        }
        listener.telegram(mapper.map(file, frame.crcVariant()));
    }

    @Override
    public void rejected(FrameRejection rejection) {
        listener.rejected(rejection);
    }
}
