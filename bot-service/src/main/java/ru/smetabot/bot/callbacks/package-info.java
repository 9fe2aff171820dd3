/**
 * Inline buttons: the compact callback-data codec (at most 64 bytes, parsed into records), the one
 * ownership check, and the router that answers every callback and dispatches it to its feature.
 */
package ru.smetabot.bot.callbacks;
