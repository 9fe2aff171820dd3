package ru.smetabot.sandbox.botapi;

/**
 * The character references Telegram's HTML mode decodes: &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones
 * (&amp;#NN; &amp;#xNN;, the ';' optional); any other '&amp;' is kept as written, as Telegram keeps it.
 */
final class HtmlEntities {

    /** A decoded reference: its code point and the index right after it. */
    record Decoded(int codePoint, int end) {
    }

    private HtmlEntities() {
    }

    /** The reference starting at {@code pos} (which holds '&'), or null when it is not one Telegram decodes. */
    static Decoded at(String input, int pos) {
        int end = pos + 1;
        int codePoint = -1;
        if (end < input.length() && input.charAt(end) == '#') {
            end++;
            boolean hex = end < input.length() && (input.charAt(end) == 'x' || input.charAt(end) == 'X');
            if (hex) {
                end++;
            }
            int digitsStart = end;
            while (end < input.length() && Character.digit(input.charAt(end), hex ? 16 : 10) >= 0 && end - pos < 12) {
                end++;
            }
            if (end > digitsStart) {
                long value = Long.parseLong(input.substring(digitsStart, end), hex ? 16 : 10);
                boolean valid = value > 0 && value < 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
                codePoint = valid ? (int) value : -1;
            }
        } else {
            while (end < input.length() && Character.isLetter(input.charAt(end))) {
                end++;
            }
            codePoint = switch (input.substring(pos + 1, end)) {
                case "lt" -> '<';
                case "gt" -> '>';
                case "amp" -> '&';
                case "quot" -> '"';
                default -> -1;
            };
        }
        if (codePoint < 0) {
            return null;
        }
        return new Decoded(codePoint, end < input.length() && input.charAt(end) == ';' ? end + 1 : end);
    }

    /** Decodes every reference of an attribute value. */
    static String decodeAll(String raw) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < raw.length()) {
            Decoded d = raw.charAt(pos) == '&' ? at(raw, pos) : null;
            if (d == null) {
                out.append(raw.charAt(pos++));
            } else {
                out.appendCodePoint(d.codePoint());
                pos = d.end();
            }
        }
        return out.toString();
    }
}
