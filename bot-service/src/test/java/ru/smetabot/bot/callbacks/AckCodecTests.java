package ru.smetabot.bot.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AckCodecTests {

    @Test
    void everyAcknowledgementCallbackRoundTripsWithinSixtyFourBytes() {
        long big = 999_999_999_999_999_999L;
        for (Callback callback : List.of(new Callback.Acknowledge(), new Callback.AckFiles(big, 99_999),
                new Callback.AckFile(big, big, 99_999), new Callback.AckRemind(big, big), new Callback.AckSwitch(7, true),
                new Callback.AckSwitch(7, false))) {
            String data = CallbackCodec.encode(callback);
            assertThat(data.length()).isLessThanOrEqualTo(CallbackCodec.MAX_BYTES);
            assertThat(CallbackCodec.decode(data)).contains(callback);
        }
        assertThat(CallbackCodec.encode(new Callback.AckFile(7, 11, 2))).isEqualTo("ak:7:f:11:2");
    }

    @Test
    void anythingElseIsRejected() {
        for (String forged : List.of("ak:7", "ak:0:0", "ak:7:f:11", "ak:7:r:", "ak:7:on:1", "ack:1", "ak:7:f:-1:0", "akk")) {
            assertThat(CallbackCodec.decode(forged)).as(forged).isEmpty();
        }
    }
}
