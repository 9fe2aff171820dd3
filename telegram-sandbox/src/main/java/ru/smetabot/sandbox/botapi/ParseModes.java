package ru.smetabot.sandbox.botapi;

/** Turns formatted text into what the client shows (Telegram returns plain text plus entities). */
final class ParseModes {

    private ParseModes() {
    }

    static String plain(String text, String parseMode) {
        if (text == null || parseMode == null) {
            return text;
        }
        return switch (parseMode.toLowerCase()) {
            case "html" -> text.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&amp;", "&");
            case "markdownv2" -> text.replaceAll("(?<!\\\\)[*_~`|]", "").replaceAll("\\\\(.)", "$1");
            case "markdown" -> text.replaceAll("[*_`]", "");
            default -> text;
        };
    }
}
