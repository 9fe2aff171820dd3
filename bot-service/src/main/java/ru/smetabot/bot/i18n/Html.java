package ru.smetabot.bot.i18n;

/** Escapes user-given text (titles, file names) for Telegram's HTML parse mode. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
