package ru.smetabot.userbotapi;

import java.net.URI;

/** The userbot or Telegram behind it cannot answer now (unreachable, timed out, 5xx): try later. */
public class UserbotUnavailableException extends UserbotException {

    public UserbotUnavailableException(int status, URI problemType, String message, Throwable cause) {
        super(status, problemType, message, cause);
    }
}
