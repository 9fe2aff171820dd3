/**
 * A local Telegram for development and end-to-end tests: the application and its settings.
 * Features live in sub-packages (state, updates, channels, dialogs, botapi, control, mtproto, faults, client).
 */
package ru.smetabot.sandbox;
