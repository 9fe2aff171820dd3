package ru.smetabot.bot.invites;

import ru.smetabot.model.invites.InviteLink;

/** One link in the list: the link, its status now, and how many requests wait (null when unknown). */
public record LinkLine(InviteLink link, LinkStatus status, Integer pending) {
}
