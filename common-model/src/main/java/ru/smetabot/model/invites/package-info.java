/**
 * Invite links of a room ({@code core.invites}) and the approval policy we enforce on them
 * (Telegram has no member limit for join-request links).
 */
package ru.smetabot.model.invites;
