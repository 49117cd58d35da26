package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class SerialInputTest {

    @Test
    void a_serial_is_found_however_the_operator_copied_it_and_anything_else_names_the_field() {
        assertThat(CertificateRecords.serialHex("7f3a")).isEqualTo("7f3a");
        assertThat(CertificateRecords.serialHex(" 007F3A ")).isEqualTo("7f3a");
        assertThat(CertificateRecords.serialHex("7F:3A")).isEqualTo("7f3a");
        assertThatThrownBy(() -> CertificateRecords.serialHex("7g"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("serial: must be 1 to 40 hexadecimal digits: '7g'");
        assertThatThrownBy(() -> CertificateRecords.serialHex(null)).isInstanceOf(InvalidInputException.class);
    }
}
