/**
 * Faults on demand for reliability tests: flood waits, outages and added latency, per Bot API method,
 * per MTProto operation or global; switched on and off through the control API.
 */
package ru.smetabot.sandbox.faults;
