package ru.smetabot.userbotapi;

/** The new channel, with its Bot API chat id ({@code -100…}). */
public record CreatedRoom(long chatId, String title) {
}
