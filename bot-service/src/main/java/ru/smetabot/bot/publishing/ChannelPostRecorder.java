package ru.smetabot.bot.publishing;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.smetabot.bot.telegram.UpdateHandler;
import ru.smetabot.bot.telegram.UpdateKind;
import ru.smetabot.model.rooms.RoomRepository;

/** channel_post: a document the owner posted straight into a room is recorded like one the bot posted. */
@Component
class ChannelPostRecorder implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(ChannelPostRecorder.class);

    private final RoomRepository rooms;
    private final PublicationLog publications;

    ChannelPostRecorder(RoomRepository rooms, PublicationLog publications) {
        this.rooms = rooms;
        this.publications = publications;
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.CHANNEL_POST;
    }

    @Override
    public void handle(Update update) {
        Message post = update.getChannelPost();
        if (!post.hasDocument()) {
            return;
        }
        rooms.findByTgChatId(post.getChatId()).filter(room -> !room.isDeleted()).ifPresentOrElse(
                room -> {
                    Instant postedAt = post.getDate() == null ? Instant.now() : Instant.ofEpochSecond(post.getDate());
                    if (publications.record(room.getId(), post.getMessageId(), post.getDocument(), postedAt)) {
                        log.info("Recorded file '{}' posted in room {} (message {})", post.getDocument().getFileName(),
                                room.getId(), post.getMessageId());
                    }
                },
                () -> log.info("Document posted in unknown channel {}; ignored", post.getChatId()));
    }
}
