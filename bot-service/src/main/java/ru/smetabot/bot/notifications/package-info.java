/**
 * Notification settings per room (instant join notices, a daily digest, or off) and the digests:
 * daily (joins, leaves, views gained) and weekly (views), each delivered at most once per owner and period.
 */
package ru.smetabot.bot.notifications;
