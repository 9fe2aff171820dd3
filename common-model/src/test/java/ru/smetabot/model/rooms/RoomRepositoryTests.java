package ru.smetabot.model.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.contractors.ContractorRepository;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

@SpringBootTest
@WithEmbeddedPostgres
class RoomRepositoryTests {

    @Autowired
    RoomRepository rooms;
    @Autowired
    ContractorRepository contractors;

    @Test
    void findsARoomByItsTelegramChatId() {
        Contractor owner = contractors.save(new Contractor(424242L, "builder", "Строитель", "ru"));
        Room saved = rooms.save(new Room(owner.getId(), -1009876543210L, "Баня", 424242L));

        assertThat(rooms.findByTgChatId(-1009876543210L)).get().extracting(Room::getId).isEqualTo(saved.getId());
        assertThat(rooms.findByTgChatId(-1000000000001L)).isEmpty();
    }

    @Test
    void aTelegramChatIsAtMostOneRoom() {
        Contractor owner = contractors.save(new Contractor(434343L, null, "Прораб", "ru"));
        rooms.save(new Room(owner.getId(), -1005555555555L, "Дом", null));

        assertThatThrownBy(() -> rooms.saveAndFlush(new Room(owner.getId(), -1005555555555L, "Дом 2", null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void findsAnActiveRoomOnlyForItsOwner() {
        Contractor owner = contractors.save(new Contractor(454545L, null, "Владелец", "ru"));
        Contractor stranger = contractors.save(new Contractor(464646L, null, "Чужой", "ru"));
        Room room = rooms.save(new Room(owner.getId(), -1007777777777L, "Гараж", null));

        assertThat(rooms.findOwnedActive(454545L, room.getId())).get().extracting(Room::getId).isEqualTo(room.getId());
        assertThat(rooms.findOwnedActive(464646L, room.getId())).as("someone else's room").isEmpty();
        assertThat(rooms.findOwnedActive(999999L, room.getId())).as("not a contractor").isEmpty();

        room.markDeleted();
        rooms.saveAndFlush(room);
        assertThat(rooms.findOwnedActive(454545L, room.getId())).as("a removed room").isEmpty();
        assertThat(stranger.getId()).isNotNull();
    }
}
