package ru.smetabot.bot.callbacks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The settings' and onboarding's part of {@link CallbackCodec}'s grammar (kept apart, as {@link ReportCodec}). */
final class SettingsCodec {

    private static final Pattern SETTINGS = Pattern.compile("set(?::(tz:p:(\\d{1,3})|tz:(\\d{1,3})|dh|dh:(\\d|1\\d|2[0-3])))?");

    private SettingsCodec() {
    }

    static Callback parse(String data) {
        if (data.equals("ob:new")) {
            return new Callback.StartNewRoom();
        }
        Matcher m = SETTINGS.matcher(data);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) == null) {
            return new Callback.Settings();
        }
        if (m.group(2) != null) {
            return new Callback.ZonePage(Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Callback.ZoneChoice(Integer.parseInt(m.group(3)));
        }
        return m.group(4) == null ? new Callback.DigestHours() : new Callback.DigestHour(Integer.parseInt(m.group(4)));
    }

    static String format(Callback callback) {
        if (callback instanceof Callback.Settings) {
            return "set";
        }
        if (callback instanceof Callback.ZonePage c) {
            return "set:tz:p:" + c.page();
        }
        if (callback instanceof Callback.ZoneChoice c) {
            return "set:tz:" + c.index();
        }
        if (callback instanceof Callback.DigestHours) {
            return "set:dh";
        }
        if (callback instanceof Callback.DigestHour c) {
            return "set:dh:" + c.hour();
        }
        if (callback instanceof Callback.StartNewRoom) {
            return "ob:new";
        }
        return null;
    }
}
