/**
 * "👥 Участники" of a room: administrators and clients who joined by link, member counts, block and
 * unblock; chat_member updates keep each client's status and times current.
 */
package ru.smetabot.bot.members;
