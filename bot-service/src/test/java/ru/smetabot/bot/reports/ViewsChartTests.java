package ru.smetabot.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.model.rooms.Room;

/** The chart as the owner's phone gets it: a PNG that decodes, at the promised size, with a drawn line. */
class ViewsChartTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final ViewHistory history = new ViewHistory(ReportsDatabase.jdbc());

    @Test
    void theRoomsTotalAndOneFilesChartAreReadablePictures() throws IOException {
        Room room = ReportsDatabase.room("Петров — баня");
        long a = ReportsDatabase.file(room, 1, "смета.pdf", Instant.parse("2026-04-01T08:00:00Z"), 12, false);
        long b = ReportsDatabase.file(room, 2, "план.dwg", Instant.parse("2026-04-02T08:00:00Z"), 6, false);
        for (int day = 1; day <= 20; day++) {
            ReportsDatabase.snapshot(a, Instant.parse("2026-04-01T12:00:00Z").plusSeconds(day * 86_400L), Math.min(12, day));
        }
        ReportsDatabase.snapshot(b, Instant.parse("2026-04-05T12:00:00Z"), 6);

        BufferedImage total = decode(ViewsChart.render(history.total(room.getId(), MOSCOW).orElseThrow(),
                new ViewsChart.Labels("Просмотры: Петров — баня", "Дата (Europe/Moscow)", "Просмотры"), MOSCOW, Texts.RUSSIAN));
        BufferedImage file = decode(ViewsChart.render(history.file(room.getId(), b, MOSCOW).orElseThrow(),
                new ViewsChart.Labels("Views of «план.dwg»", "Date (Europe/Moscow)", "Views"), MOSCOW, Locale.ENGLISH));

        assertIsAChart(total);
        assertIsAChart(file);
    }

    @Test
    void aFewViewsStillFillAReadableScale() throws IOException {
        ViewSeries one = new ViewSeries(java.util.List.of(new ViewSeries.Point(Instant.parse("2026-04-01T08:00:00Z"), 0),
                new ViewSeries.Point(Instant.parse("2026-04-01T09:00:00Z"), 1)), ViewSeries.Unit.HOUR);

        assertIsAChart(decode(ViewsChart.render(one, new ViewsChart.Labels("x", "y", "z"), MOSCOW, Texts.RUSSIAN)));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).as("PNG signature").startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodes as an image").isNotNull();
        return image;
    }

    /** The promised size, many colours (text, axes, the filled area) and the line's colour over a real stretch. */
    private static void assertIsAChart(BufferedImage image) {
        assertThat(image.getWidth()).isEqualTo(ViewsChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ViewsChart.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        int line = 0;
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb == (ViewsChart.LINE.getRGB() & 0xFFFFFF)) {
                    line++;
                }
                if (((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 100 && (rgb & 0xFF) < 100) {
                    dark++;
                }
            }
        }
        assertThat(colours).as("not a blank image").hasSizeGreaterThan(20);
        assertThat(line).as("pixels of the views line").isGreaterThan(1_000);
        assertThat(dark).as("pixels of text (title, axes, labels)").isGreaterThan(2_000);
    }
}
