package org.smgwlite.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class LimitedBodyTest {

    private static final int LIMIT = 16 * 1024;

    /** An endless body (a chunked upload that never ends) that counts what was taken from it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }

    @Test
    void a_body_of_exactly_the_limit_passes_whole() {
        byte[] body = new byte[LIMIT];
        body[LIMIT - 1] = 7;
        assertThat(LimitedBody.read(new ByteArrayInputStream(body), LIMIT, LIMIT, "EST request")).isEqualTo(body);
        assertThat(LimitedBody.read(new ByteArrayInputStream(body), -1, LIMIT, "EST request")).as("chunked").isEqualTo(body);
        assertThat(LimitedBody.read(new ByteArrayInputStream(new byte[0]), 0, LIMIT, "EST request")).isEmpty();
    }

    @Test
    void one_byte_over_the_limit_is_refused_while_reading_a_chunked_body() {
        assertThatThrownBy(() -> LimitedBody.read(new ByteArrayInputStream(new byte[LIMIT + 1]), -1, LIMIT, "EST request"))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("EST request exceeds the limit of 16384 bytes");
    }

    @Test
    void an_endless_body_is_not_read_beyond_limit_plus_one() {
        Endless endless = new Endless();
        assertThatThrownBy(() -> LimitedBody.read(endless, -1, LIMIT, "signed batch")).isInstanceOf(BodyTooLargeException.class);
        assertThat(endless.read).isEqualTo(LIMIT + 1);
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_anything_is_read() {
        Endless endless = new Endless();
        assertThatThrownBy(() -> LimitedBody.read(endless, LIMIT + 1L, LIMIT, "EST request"))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("EST request of 16385 bytes exceeds the limit of 16384 bytes");
        assertThat(endless.read).isZero();
    }

    @Test
    void a_body_that_breaks_off_is_bad_input_not_an_incident() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Read timed out");
            }
        };
        assertThatThrownBy(() -> LimitedBody.read(broken, -1, LIMIT, "EST request"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("could not be read");
    }
}
