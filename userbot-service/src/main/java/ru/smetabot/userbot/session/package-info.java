/**
 * Connected accounts: the login state machine (phone → code → 2FA password → ready, attempts
 * expire, one account's login never touches another's session), logout and /session/status.
 */
package ru.smetabot.userbot.session;
