package org.smgwlite.agent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fuzzer in the normal suite with a modest count ({@code fuzz.count}, 20000 by default in the POM);
 * for millions of inputs run {@link SmlFuzzer#main} through the {@code fuzz} profile.
 */
class SmlFuzzTest {

    @Test
    void mutatedCapturesNeverCrashTheDecoderAndTheNextGoodFrameIsRead() {
        long count = Long.getLong("fuzz.count", 20_000L);
        long seed = Long.getLong("fuzz.seed", 1L);
        SmlFuzzer.Result result = new SmlFuzzer().run(seed, count);
        assertThat(result.inputs()).isEqualTo(count);
        // the mutations must reach every layer, or the fuzzer tests nothing
        assertThat(result.rejectionsByKind().keySet()).anySatisfy(k -> assertThat(k).startsWith("CRC mismatch"))
                .anySatisfy(k -> assertThat(k).startsWith("SML: "))
                .anySatisfy(k -> assertThat(k).contains("cut off"));
        System.out.println("fuzz: " + count + " inputs, seed " + seed + ", rejections " + result.rejectionsByKind());
    }
}
