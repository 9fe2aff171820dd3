package ru.smetabot.bot.settings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The zones an owner can choose: Russia's eleven, the other CIS capitals, and UTC. A fixed list, not the JDK's 600
 * ids: owners pick from buttons, and callback data carries the zone's index here ({@code set:tz:{index}}).
 */
final class TimeZones {

    static final List<ZoneId> ALL = List.of(
            ZoneId.of("Europe/Kaliningrad"), ZoneId.of("Europe/Moscow"), ZoneId.of("Europe/Samara"),
            ZoneId.of("Asia/Yekaterinburg"), ZoneId.of("Asia/Omsk"), ZoneId.of("Asia/Novosibirsk"),
            ZoneId.of("Asia/Krasnoyarsk"), ZoneId.of("Asia/Irkutsk"), ZoneId.of("Asia/Yakutsk"),
            ZoneId.of("Asia/Vladivostok"), ZoneId.of("Asia/Magadan"), ZoneId.of("Asia/Kamchatka"),
            ZoneId.of("Europe/Minsk"), ZoneId.of("Europe/Kiev"), ZoneId.of("Europe/Chisinau"),
            ZoneId.of("Asia/Tbilisi"), ZoneId.of("Asia/Yerevan"), ZoneId.of("Asia/Baku"),
            ZoneId.of("Asia/Almaty"), ZoneId.of("Asia/Aqtobe"), ZoneId.of("Asia/Tashkent"),
            ZoneId.of("Asia/Bishkek"), ZoneId.of("Asia/Dushanbe"), ZoneId.of("Asia/Ashgabat"),
            ZoneId.of("UTC"));

    private TimeZones() {
    }

    static Optional<ZoneId> at(int index) {
        return index >= 0 && index < ALL.size() ? Optional.of(ALL.get(index)) : Optional.empty();
    }

    /** "UTC+3 · Europe/Moscow": the offset now, then the id (the same in both languages). */
    static String label(ZoneId zone, Instant now) {
        ZoneOffset offset = zone.getRules().getOffset(now);
        String utc = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId().replaceFirst(":00$", "").replaceFirst("([+-])0", "$1");
        return zone.getId().equals("UTC") ? "UTC" : utc + " · " + zone.getId();
    }
}
