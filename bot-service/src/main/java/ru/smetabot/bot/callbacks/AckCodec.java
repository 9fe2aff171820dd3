package ru.smetabot.bot.callbacks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.smetabot.bot.callbacks.Callback.AckFile;
import ru.smetabot.bot.callbacks.Callback.AckFiles;
import ru.smetabot.bot.callbacks.Callback.AckRemind;
import ru.smetabot.bot.callbacks.Callback.AckSwitch;
import ru.smetabot.bot.callbacks.Callback.Acknowledge;

/** The acknowledgements' part of {@link CallbackCodec}'s grammar (kept apart, as {@link ReportCodec}). */
final class AckCodec {

    static final String ACKNOWLEDGE = "ack";
    private static final Pattern ACK = Pattern.compile(
            "ak:([1-9]\\d{0,17}):(on|off|(\\d{1,5})|f:([1-9]\\d{0,17}):(\\d{1,5})|r:([1-9]\\d{0,17}))");

    private AckCodec() {
    }

    static Callback parse(String data) {
        if (data.equals(ACKNOWLEDGE)) {
            return new Acknowledge();
        }
        Matcher m = ACK.matcher(data);
        if (!m.matches()) {
            return null;
        }
        long roomId = Long.parseLong(m.group(1));
        String action = m.group(2);
        if (action.equals("on") || action.equals("off")) {
            return new AckSwitch(roomId, action.equals("on"));
        }
        if (m.group(3) != null) {
            return new AckFiles(roomId, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return new AckFile(roomId, Long.parseLong(m.group(4)), Integer.parseInt(m.group(5)));
        }
        return new AckRemind(roomId, Long.parseLong(m.group(6)));
    }

    static String format(Callback callback) {
        if (callback instanceof Acknowledge) {
            return ACKNOWLEDGE;
        }
        if (callback instanceof AckFiles c) {
            return "ak:" + c.roomId() + ":" + c.page();
        }
        if (callback instanceof AckFile c) {
            return "ak:" + c.roomId() + ":f:" + c.publicationId() + ":" + c.page();
        }
        if (callback instanceof AckRemind c) {
            return "ak:" + c.roomId() + ":r:" + c.publicationId();
        }
        if (callback instanceof AckSwitch c) {
            return "ak:" + c.roomId() + ":" + (c.enabled() ? "on" : "off");
        }
        return null;
    }
}
