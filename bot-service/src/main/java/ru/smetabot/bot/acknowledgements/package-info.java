/**
 * "✅ Ознакомлен": the button under files the bot publishes, the clients' presses (recorded once per client
 * and file), the owner's screens of who acknowledged and who has not, the reminder, and the per-room switch.
 */
package ru.smetabot.bot.acknowledgements;
