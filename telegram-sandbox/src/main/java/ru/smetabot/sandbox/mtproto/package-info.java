/**
 * The MTProto side for userbot-service's sandbox gateway, under /sandbox/mtproto: phone → code → 2FA sign-in,
 * sessions, and the channel operations a user account can do (create, admins, views without counting, join requests).
 */
package ru.smetabot.sandbox.mtproto;
