/**
 * Benchmarks, run with {@code ./run-bench}; each prints a table of figures measured side by side in
 * one run, so ratios hold on a noisy machine. Not part of the default test run.
 */
package ru.smetabot.bench;
