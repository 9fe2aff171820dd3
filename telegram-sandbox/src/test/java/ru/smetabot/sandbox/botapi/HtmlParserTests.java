package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.smetabot.sandbox.state.SandboxException;

/** Telegram's HTML subset: entities, decoding, offsets, and the exact refusals. */
class HtmlParserTests {

    @Test
    void everySupportedTagBecomesItsEntity() {
        FormattedText t = HtmlParser.parse("<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins>"
                + "<s>s</s><strike>k</strike><del>d</del><span class=\"tg-spoiler\">p</span><tg-spoiler>q</tg-spoiler>"
                + "<code>c</code>");

        assertThat(t.text()).isEqualTo("bsieunskdpqc");
        assertThat(t.entities()).extracting(e -> e.get("type")).containsExactly("bold", "bold", "italic", "italic",
                "underline", "underline", "strikethrough", "strikethrough", "strikethrough", "spoiler", "spoiler",
                "code");
    }

    @Test
    void preWithNestedLanguageCodeIsOnePreEntityWithItsLanguage() {
        FormattedText t = HtmlParser.parse("<pre><code class=\"language-java\">int x;</code></pre>");

        assertThat(t.text()).isEqualTo("int x;");
        assertThat(t.entities()).containsExactly(Map.of("offset", 0, "length", 6, "type", "pre", "language", "java"));
    }

    @Test
    void linksQuotesAndCustomEmojiCarryTheirAttributes() {
        FormattedText t = HtmlParser.parse("<a href='https://t.me/+abc'>join</a> <blockquote expandable>q</blockquote>"
                + " <blockquote>r</blockquote> <tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>");

        assertThat(t.entities()).containsExactly(
                Map.of("offset", 0, "length", 4, "type", "text_link", "url", "https://t.me/+abc"),
                Map.of("offset", 5, "length", 1, "type", "expandable_blockquote"),
                Map.of("offset", 7, "length", 1, "type", "blockquote"),
                Map.of("offset", 9, "length", 2, "type", "custom_emoji", "custom_emoji_id", "5368324170671202286"));
    }

    @Test
    void theFourNamedAndNumericEntitiesDecodeOthersStayAsWritten() {
        assertThat(HtmlParser.parse("&lt;&gt;&amp;&quot; &#65;&#x42; &nbsp; & x &#0;").text())
                .isEqualTo("<>&\" AB &nbsp; & x &#0;");
    }

    @Test
    void offsetsAreUtf16CodeUnitsNestedEntitiesOuterFirst() {
        FormattedText t = HtmlParser.parse("😀 <b>a <i>б</i></b>");

        assertThat(t.text()).isEqualTo("😀 a б");
        assertThat(t.entities()).extracting(e -> List.of(e.get("type"), e.get("offset"), e.get("length")))
                .containsExactly(List.of("bold", 3, 3), List.of("italic", 5, 1));
    }

    @Test
    void leadingAndTrailingWhitespaceIsDroppedAndEmptyTagsMakeNoEntity() {
        FormattedText t = HtmlParser.parse("\n  <b></b><i> x </i>\n");

        assertThat(t.text()).isEqualTo("x");
        assertThat(t.entities()).containsExactly(Map.of("offset", 0, "length", 1, "type", "italic"));
    }

    @Test
    void refusalsUseTelegramsWordingWithUtf8ByteOffsets() {
        assertRefused("<div>x</div>", "Unsupported start tag \"div\" at byte offset 0");
        assertRefused("ж <p>", "Unsupported start tag \"p\" at byte offset 3");
        assertRefused("a < b", "Unsupported start tag \"\" at byte offset 2");
        assertRefused("<b>x", "Can't find end tag corresponding to start tag \"b\"");
        assertRefused("x <b", "Unclosed start tag at byte offset 2");
        assertRefused("x</b>", "Unexpected end tag at byte offset 1");
        assertRefused("<b>x</i>", "Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\"");
        assertRefused("<b>x</b", "Unclosed end tag at byte offset 4");
        assertRefused("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0");
        assertRefused("ж <a href=\"x>y</a>", "Unclosed start tag at byte offset 3");
    }

    @Test
    void markdownV2ParsesItsEntitiesAndRefusesUnescapedReservedCharacters() {
        FormattedText t = MarkdownV2Parser.parse("*b* _i_ __u__ ~s~ ||p|| `c` [l](https://x.org) 1\\.5");

        assertThat(t.text()).isEqualTo("b i u s p c l 1.5");
        assertThat(t.entities()).extracting(e -> e.get("type")).containsExactly("bold", "italic", "underline",
                "strikethrough", "spoiler", "code", "text_link");
        assertThatThrownBy(() -> MarkdownV2Parser.parse("a-b")).hasMessage("Bad Request: can't parse entities: "
                + "Character '-' is reserved and must be escaped with the preceding '\\'");
        assertThatThrownBy(() -> MarkdownV2Parser.parse("x *bold")).hasMessage("Bad Request: can't parse entities: "
                + "Can't find end of Bold entity at byte offset 2");
    }

    private static void assertRefused(String html, String detail) {
        assertThatThrownBy(() -> HtmlParser.parse(html)).isInstanceOf(SandboxException.class)
                .hasMessage("Bad Request: can't parse entities: " + detail);
    }
}
