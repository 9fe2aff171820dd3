/**
 * Invite links of a room ("🔗 Ссылки"): named join-request links with an expiry and an approvals
 * limit we enforce ourselves, the list with counts and status, and revocation.
 */
package ru.smetabot.bot.invites;
