package ru.smetabot.bench;

import java.util.List;

/** Nearest-rank percentiles of a sorted list of milliseconds. */
final class Percentiles {

    private Percentiles() {
    }

    static long of(List<Long> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(sorted.size() * percentile / 100.0);
        return sorted.get(Math.min(sorted.size() - 1, Math.max(rank, 1) - 1));
    }
}
