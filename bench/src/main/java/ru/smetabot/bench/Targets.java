package ru.smetabot.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets for one bench run: each figure is printed against its target; a missed target is a problem
 * (./run-bench exits 1) only when the run has the target's size — a smaller run prints "not at target size".
 */
final class Targets {

    private final boolean atTargetSize;
    private final String size;
    private final List<String[]> rows = new ArrayList<>();
    final List<String> missed = new ArrayList<>();

    Targets(boolean atTargetSize, String size) {
        this.atTargetSize = atTargetSize;
        this.size = size;
    }

    void atMost(String figure, double value, double limit, String unit) {
        check(figure, value, "< " + fmt(limit) + " " + unit, value < limit, unit);
    }

    void atLeast(String figure, double value, double limit, String unit) {
        check(figure, value, ">= " + fmt(limit) + " " + unit, value >= limit, unit);
    }

    private void check(String figure, double value, String target, boolean met, String unit) {
        String verdict = met ? "met" : atTargetSize ? "MISSED" : "missed (not at target size: " + size + ")";
        rows.add(new String[] {figure, fmt(value) + " " + unit, target, verdict});
        if (!met && atTargetSize) {
            missed.add("TARGET: " + figure + " = " + fmt(value) + " " + unit + ", target " + target);
        }
    }

    void print(String bench) {
        Bench.print("Targets (" + bench + (atTargetSize ? ", at target size" : ", not at target size: " + size
                + "; reported, not enforced") + ")", new String[] {"figure", "measured", "target", "verdict"}, rows);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : ViewsRefreshBench.f("%.1f", v);
    }
}
