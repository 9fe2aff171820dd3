/**
 * Rooms: the private channels a contractor keeps, one per client project ({@code core.channels}).
 * Looked up by our id or by Telegram's chat id.
 */
package ru.smetabot.model.rooms;
