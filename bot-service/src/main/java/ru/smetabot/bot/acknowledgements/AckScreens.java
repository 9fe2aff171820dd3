package ru.smetabot.bot.acknowledgements;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.acknowledgements.AckData.FileAck;
import ru.smetabot.bot.acknowledgements.AckData.FilePage;
import ru.smetabot.bot.acknowledgements.AckData.FilesPage;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.rooms.Room;

/** Loads the owner's acknowledgement screens (the room is already checked to be the owner's). */
@Service
class AckScreens {

    private final AckStore store;
    private final Texts texts;
    private final OwnerZones zones;

    AckScreens(AckStore store, Texts texts, OwnerZones zones) {
        this.store = store;
        this.texts = texts;
        this.zones = zones;
    }

    Screen files(Room room, int requestedPage, Locale locale) {
        int pages = Pager.pages(store.askedFiles(room.getId()), AckViews.FILES_PER_PAGE);
        int page = Pager.clamp(requestedPage, pages);
        FilesPage data = new FilesPage(room.getId(), room.getTitle(), store.enabled(room.getId()),
                store.activeClients(room.getId()), store.askedPage(room.getId(), page, AckViews.FILES_PER_PAGE), page, pages);
        return AckViews.files(data, texts, locale);
    }

    /** Empty when the file is not one of the room's files with the button (forged or stale data). */
    Optional<Screen> file(Room room, long publicationId, int requestedPage, Locale locale) {
        Optional<FileAck> file = store.file(room.getId(), publicationId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        long active = store.activeClients(room.getId());
        int pages = Pager.pages(active, AckViews.PEOPLE_PER_PAGE);
        int page = Pager.clamp(requestedPage, pages);
        FilePage data = new FilePage(room.getId(), room.getTitle(), publicationId, file.get().fileName(),
                file.get().acknowledged(), active, store.people(room.getId(), publicationId, page, AckViews.PEOPLE_PER_PAGE),
                page, pages, store.remindedAt(publicationId).orElse(null));
        return Optional.of(AckViews.file(data, texts, locale, zones.zone(room)));
    }

    void setEnabled(Room room, boolean enabled) {
        store.setEnabled(room.getId(), enabled);
    }
}
