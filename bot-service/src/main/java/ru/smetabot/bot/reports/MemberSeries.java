package ru.smetabot.bot.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A room's members day by day: who joined and who left (left, removed or blocked) each day, and how many
 * clients were in the room at the end of it; and the same flows per invite link over the period.
 *
 * @param days  consecutive days, oldest first, in the owner's zone
 * @param links the links with the most joins first, at most {@link MemberHistory#MAX_LINKS}; the rest summed in one
 *              line whose {@code name} is null when it stands for "other links"
 */
record MemberSeries(List<Day> days, List<LinkFlow> links) {

    MemberSeries {
        days = List.copyOf(days);
        links = List.copyOf(links);
    }

    record Day(LocalDate day, long joins, long leaves, long members) {
    }

    /**
     * @param name  the link's name; "" for clients who came without one of the bot's links, null for "other links"
     */
    record LinkFlow(String name, long joins, long leaves) {
    }

    Day last() {
        return days.get(days.size() - 1);
    }

    long joins() {
        return days.stream().mapToLong(Day::joins).sum();
    }

    long leaves() {
        return days.stream().mapToLong(Day::leaves).sum();
    }
}
