/**
 * The control REST API under /sandbox/api: act as users (write to bots, press buttons, open links, read
 * channels), create users, bots and channels, switch faults, move the clock, reset. Used by tests and the web page.
 */
package ru.smetabot.sandbox.control;
