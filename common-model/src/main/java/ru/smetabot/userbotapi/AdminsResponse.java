package ru.smetabot.userbotapi;

import java.util.List;

/** The room's administrators, owner first. */
public record AdminsResponse(List<ChatAdmin> admins) {

    public AdminsResponse {
        admins = List.copyOf(admins == null ? List.of() : admins);
    }
}
