package io.vigia.datasources.promql.eval;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PromqlXxHash64Test {

    @Test
    void matchesReferenceVectors() {
        assertThat(XxHash64.hash(new byte[0])).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(XxHash64.hash("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(XxHash64.hash("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x44BC2CF5AD770999L);
        assertThat(XxHash64.hash("Nobody inspects the spammish repetition".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(0xFBCEA83C8A378BF1L);
    }

    @Test
    void unitOffsetCoversUnsignedRange() {
        assertThat(XxHash64.unitOffset(0)).isZero();
        assertThat(XxHash64.unitOffset(-1L)).isEqualTo(1.0);
        assertThat(XxHash64.unitOffset(Long.MIN_VALUE)).isEqualTo(0.5);
    }
}
