/**
 * /start and the main menu (reply keyboard), and routing of private messages: menu buttons,
 * documents, and the text a flow is waiting for.
 */
package ru.smetabot.bot.menu;
