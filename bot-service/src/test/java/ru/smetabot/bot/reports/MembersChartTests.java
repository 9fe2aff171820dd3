package ru.smetabot.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.TelegramLimits;
import ru.smetabot.bot.telegram.WithinTelegramLimits;

/**
 * The members chart as the owner's phone gets it: a PNG of the promised size with the joins' and leaves'
 * bars and the member line drawn, and its caption within Telegram's 1024 characters. With
 * {@code -Dsmetabot.screenshots=true} the Russian picture is also written to docs/screenshots/members-chart.png
 * (the README's screenshot).
 */
class MembersChartTests {

    private final Texts texts = new Texts();

    @Test
    void barsOfJoinsAndLeavesAndTheMemberLineAreDrawn() throws IOException {
        byte[] png = MembersChart.render(threeWeeks(), labels(Texts.RUSSIAN), Texts.RUSSIAN);

        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(ViewsChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ViewsChart.HEIGHT);
        assertThat(pixels(image, MembersChart.JOINS)).as("green bars of joins").isGreaterThan(1_000);
        assertThat(pixels(image, MembersChart.LEAVES)).as("red bars of leaves").isGreaterThan(300);
        assertThat(pixels(image, ViewsChart.LINE)).as("the member line").isGreaterThan(1_000);
        if (Boolean.getBoolean("smetabot.screenshots")) {
            Path out = Path.of(System.getProperty("smetabot.screenshots.dir", "../docs/screenshots"));
            Files.createDirectories(out);
            Files.write(out.resolve("members-chart.png"), png);
        }
    }

    @Test
    void oneDayOfOneMemberIsStillAReadablePicture() throws IOException {
        MemberSeries one = new MemberSeries(List.of(new MemberSeries.Day(LocalDate.parse("2026-03-05"), 1, 0, 1)), List.of());

        BufferedImage image = decode(MembersChart.render(one, labels(Locale.ENGLISH), Locale.ENGLISH));
        assertThat(pixels(image, MembersChart.JOINS)).isGreaterThan(100);
    }

    @Test
    void theCaptionNamesTheNumbersAndEachLink() {
        String caption = MemberReports.caption(threeWeeks(), "Иванов &lt;кухня&gt;", texts, Texts.RUSSIAN);

        assertThat(caption).isEqualTo("""
                👥 <b>Иванов &lt;кухня&gt;</b>: участников 6 на 21.03.2026.
                За 21 дн.: вступили 9, вышли 3.
                По ссылкам (вступили / вышли):
                • «Семья &lt;Ивановых&gt;»: +5 / −1
                • без ссылки бота: +2 / −1
                • другие ссылки: +2 / −1""");
        WithinTelegramLimits.assertText(caption, TelegramLimits.MAX_CAPTION);
        assertThat(MemberReports.caption(threeWeeks(), "Ivanov", texts, Texts.ENGLISH))
                .startsWith("👥 <b>Ivanov</b>: 6 members as of 21.03.2026.\nOver 21 days: 9 joined, 3 left.")
                .contains("• not by a bot link: +2 / −1").contains("• other links: +2 / −1");
    }

    @Test
    void theLongestCaptionFitsTelegramsLimit() {
        List<MemberSeries.LinkFlow> links = new ArrayList<>();
        for (int i = 0; i < MemberHistory.MAX_LINKS; i++) {
            links.add(new MemberSeries.LinkFlow("&".repeat(32), 999_999, 999_999)); // names are at most 32 characters
        }
        MemberSeries series = new MemberSeries(threeWeeks().days(), links);
        WithinTelegramLimits.assertText(MemberReports.caption(series, "&amp;".repeat(128), texts, Texts.RUSSIAN),
                TelegramLimits.MAX_CAPTION);
    }

    /** Three weeks: joins most days, a few leaves, six members at the end. */
    static MemberSeries threeWeeks() {
        List<MemberSeries.Day> days = new ArrayList<>();
        long[] joins = {2, 0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0};
        long[] leaves = {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1};
        long members = 0;
        for (int i = 0; i < joins.length; i++) {
            members += joins[i] - leaves[i];
            days.add(new MemberSeries.Day(LocalDate.parse("2026-03-01").plusDays(i), joins[i], leaves[i], members));
        }
        return new MemberSeries(days, List.of(new MemberSeries.LinkFlow("Семья <Ивановых>", 5, 1),
                new MemberSeries.LinkFlow("", 2, 1), new MemberSeries.LinkFlow(null, 2, 1)));
    }

    private MembersChart.Labels labels(Locale locale) {
        return new MembersChart.Labels(texts.get(locale, "reports.members.title", "Иванов — кухня"),
                texts.get(locale, "reports.chart.x_axis", "Europe/Moscow"), texts.get(locale, "reports.members.members"),
                texts.get(locale, "reports.members.joins"), texts.get(locale, "reports.members.leaves"));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).as("PNG signature").startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodes as an image").isNotNull();
        return image;
    }

    private static int pixels(BufferedImage image, Color colour) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
