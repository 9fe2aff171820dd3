package ru.smetabot.sandbox.channels;

import java.util.List;
import java.util.Map;

/** View counters read without counting a view; {@code missing} are ids with no (or a deleted) post. */
public record ViewCounts(Map<Integer, Integer> views, List<Integer> missing) {
}
