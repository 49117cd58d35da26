package org.smgwlite.platform.metering.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyTuplesTest {

    /** A binary COPY stream as PostgreSQL writes it: rows of one int4 and one null field. */
    private static byte[] stream(int rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
        for (int i = 0; i < rows; i++) {
            out.writeShort(2);
            out.writeInt(4);
            out.writeInt(i);
            out.writeInt(-1);
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    @Test
    void counts_the_rows_of_a_whole_stream() throws IOException {
        assertThat(CopyTuples.count(new ByteArrayInputStream(stream(0)))).isZero();
        assertThat(CopyTuples.count(new ByteArrayInputStream(stream(3)))).isEqualTo(3);
    }

    @Test
    void a_stream_cut_short_or_with_bytes_after_its_end_is_refused() throws IOException {
        byte[] whole = stream(3);
        assertThatThrownBy(() -> CopyTuples.count(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 5))))
                .hasMessageContaining("cut short after 2 whole rows");
        assertThatThrownBy(() -> CopyTuples.count(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length + 1))))
                .hasMessageContaining("bytes after the end");
        assertThatThrownBy(() -> CopyTuples.count(new ByteArrayInputStream(new byte[20]))).hasMessageContaining("signature");
    }
}
