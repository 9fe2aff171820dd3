/**
 * Where to start: /start for an owner who has not finished setting up shows a checklist — connect the account, create
 * or adopt a channel, make a link, publish a file — ticked off from the database, with the next step as a button.
 * Also the bot's command menu (setMyCommands) registered at start-up.
 */
package ru.smetabot.bot.onboarding;
