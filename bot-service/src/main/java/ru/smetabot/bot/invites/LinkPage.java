package ru.smetabot.bot.invites;

import java.util.List;

/**
 * One page of a room's links: the usable ones (active, full, expired) or, behind a toggle, the revoked
 * ones. {@code total} counts this kind, {@code otherKind} the other (for the toggle's label).
 */
public record LinkPage(List<LinkLine> lines, boolean revoked, int page, int pages, long total, long otherKind) {

    /** Links a page shows: five lines of ~150 characters keep the screen far below 4096. */
    public static final int PER_PAGE = 5;

    public LinkPage {
        lines = List.copyOf(lines);
    }

    /** Links of this kind on other pages. */
    public long notShown() {
        return total - lines.size();
    }
}
