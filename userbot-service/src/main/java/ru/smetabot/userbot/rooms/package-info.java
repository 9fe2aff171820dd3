/**
 * /rooms/*: create a room (channel), make the bot its admin, read view counts without adding
 * views (batched ≤100), list admins, member count and pending join requests.
 */
package ru.smetabot.userbot.rooms;
