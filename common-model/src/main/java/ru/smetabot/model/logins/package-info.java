/** Mini App logins in progress: which Telegram user started each (core.mini_app_logins). */
package ru.smetabot.model.logins;
