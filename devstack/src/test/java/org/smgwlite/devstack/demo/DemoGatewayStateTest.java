package org.smgwlite.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.simulator.VirtualMeter;

/** What a second run of the run command does with a demo gateway's folder. */
class DemoGatewayStateTest {

    @TempDir
    Path dir;

    @Test
    void a_new_gateway_is_registered_once_and_then_reused_with_its_id() throws Exception {
        DemoGatewayState state = new DemoGatewayState(dir.resolve("household-1"));
        assertThat(state.next(List.of())).isEqualTo(DemoGatewayState.Step.REGISTER);
        String id = state.gatewayIdOrNew();
        assertThat(id).matches("EDMO\\d{10}");

        DemoGatewayState again = new DemoGatewayState(dir.resolve("household-1"));
        assertThat(again.gatewayIdOrNew()).isEqualTo(id);
        assertThat(again.next(List.of(id))).as("registered, not enrolled: a new code").isEqualTo(DemoGatewayState.Step.ENROLL);

        Files.createDirectories(again.credentialDir());
        Files.writeString(again.credentialDir().resolve("tls.key"), "key");
        Files.writeString(again.credentialDir().resolve("tls.chain.pem"), "chain");
        assertThat(again.next(List.of("OTHER", id))).isEqualTo(DemoGatewayState.Step.REUSE);
    }

    @Test
    void a_gateway_the_platform_does_not_know_starts_over_with_an_empty_folder() throws Exception {
        DemoGatewayState state = new DemoGatewayState(dir.resolve("household-1"));
        String id = state.gatewayIdOrNew();
        Files.createDirectories(state.credentialDir());
        Files.writeString(state.credentialDir().resolve("tls.key"), "key");
        state.saveMeter(new VirtualMeter.Registers(1, 2, 3, 4));

        assertThat(state.next(List.of("SOMEONE_ELSE"))).isEqualTo(DemoGatewayState.Step.REGISTER);

        assertThat(state.dir()).doesNotExist();
        assertThat(state.meter()).isEmpty();
        assertThat(state.gatewayIdOrNew()).isNotEqualTo(id).matches("EDMO\\d{10}");
    }

    @Test
    void meter_registers_survive_and_a_damaged_file_names_the_folder_to_delete() throws Exception {
        DemoGatewayState state = new DemoGatewayState(dir.resolve("household-1"));
        state.saveMeter(new VirtualMeter.Registers(12_345_670, 4_567_890, 0, 10_000_001));
        assertThat(new DemoGatewayState(dir.resolve("household-1")).meter())
                .contains(new VirtualMeter.Registers(12_345_670, 4_567_890, 0, 10_000_001));

        Files.writeString(state.dir().resolve("meter.properties"), "import.t1=x\n");
        assertThatThrownBy(state::meter).hasMessageContaining("meter.properties is damaged")
                .hasMessageContaining("delete " + state.dir());
    }
}
