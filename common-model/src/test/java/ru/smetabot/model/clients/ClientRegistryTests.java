package ru.smetabot.model.clients;

import org.springframework.boot.test.context.SpringBootTest;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

/** Client registration on the embedded PostgreSQL (always runs). */
@SpringBootTest
@WithEmbeddedPostgres
class ClientRegistryTests extends ClientRegistryContract {
}
