package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Issue 19 "Where to start": a fresh owner's /start checklist, ticked off step by step up to a room with a link and a
 * file; "🆕 Новый канал" before the account was connected goes on by itself after the Mini App login.
 */
class OnboardingJourneyTests extends BotThroughSandbox {

    @Autowired
    ApplicationContext context;

    @Test
    void aFreshOwnerIsLedFromNothingToARoomWithALinkAndAFile() throws Exception {
        long owner = BotSandbox.newUserId();
        String phone = "+7900" + owner;
        sandbox.createUser(owner, "Новичок", null, "user" + owner, phone, null);

        Message checklist = start(owner);
        assertThat(ticks(checklist)).containsExactly("⬜", "⬜", "⬜", "⬜");
        Map<String, Object> connect = checklist.inlineKeyboard().get(0).get(0);
        assertThat(connect.get("text")).isEqualTo("🔐 Подключить аккаунт");
        SandboxScreens.assertWithinTelegramLimits(checklist);

        // "🆕 Новый канал" before connecting: the bot offers the Mini App, and after the login asks for the title itself.
        Message offer = press(owner, "🆕 Новый канал", "подключите свой Telegram-аккаунт");
        String miniApp = (String) ((Map<?, ?>) offer.inlineKeyboard().get(0).get(0).get("web_app")).get("url");
        signInThroughTheMiniApp(owner, phone, miniApp);
        Message resumed = sandbox.awaitBotMessage(owner, BOT, "Продолжим создание канала", offer.messageId(), WAIT);
        Message sent = sandbox.sendText(owner, BOT, "Новичок — баня");
        sandbox.awaitBotMessage(owner, BOT, "📌 Новичок — баня", resumed.messageId(), WAIT);

        checklist = start(owner);
        assertThat(ticks(checklist)).containsExactly("✅", "✅", "⬜", "⬜");
        pressInline(owner, checklist, "➕ Новая ссылка");
        sandbox.awaitEditedBotMessage(owner, BOT, "Напишите название новой ссылки", WAIT);
        Message expiry = say(owner, "Семья Новичковых", "сколько будет действовать ссылка");
        pressInline(owner, expiry, "7 дней");
        pressInline(owner, sandbox.awaitEditedBotMessage(owner, BOT, "сколько заявок одобрить", WAIT), "Без лимита");
        sandbox.awaitEditedBotMessage(owner, BOT, "✅ Ссылка создана", WAIT);

        checklist = start(owner);
        assertThat(ticks(checklist)).containsExactly("✅", "✅", "✅", "⬜");
        pressInline(owner, checklist, "📤 Опубликовать файл");
        Message ask = sandbox.awaitBotMessage(owner, BOT, "будет опубликован в «Новичок — баня»", checklist.messageId(), WAIT);
        sandbox.sendDocument(owner, BOT, "smeta.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), null);
        sandbox.awaitBotMessage(owner, BOT, "опубликован", ask.messageId(), WAIT);

        Message done = say(owner, "/start", "SmetaBot");
        assertThat(done.text()).contains("Всё настроено");
        assertThat(sent.messageId()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM core.publications p JOIN core.channels c ON c.id = p.channel_id "
                + "JOIN core.contractors k ON k.id = c.contractor_id WHERE k.tg_user_id = :o").param("o", owner)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** /start: the welcome, then the checklist. */
    private Message start(long owner) {
        Message sent = sandbox.sendText(owner, BOT, "/start");
        sandbox.awaitBotMessage(owner, BOT, "SmetaBot", sent.messageId(), WAIT);
        return sandbox.awaitBotMessage(owner, BOT, "С чего начать", sent.messageId(), WAIT);
    }

    private static List<String> ticks(Message checklist) {
        return Arrays.stream(checklist.text().split("\n")).filter(l -> l.startsWith("✅") || l.startsWith("⬜"))
                .map(l -> l.substring(0, 1)).toList();
    }

    /** The Mini App page's calls, with the initData the sandbox hands the page (signed with the bot's token). */
    private void signInThroughTheMiniApp(long owner, String phone, String miniApp) throws Exception {
        String opened = sandbox.openWebApp(owner, BOT, miniApp);
        String initData = Arrays.stream(opened.substring(opened.indexOf('#') + 1).split("&"))
                .filter(p -> p.startsWith("tgWebAppData=")).map(p -> URLDecoder.decode(p.substring(13), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
        MockMvc page = MockMvcBuilders.standaloneSetup(context.getBean("miniAppLoginController")).build();
        String started = page.perform(post("/miniapp/api/login/start").header("Authorization", "tma " + initData)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"" + phone + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String loginId = JsonPath.read(started, "$.loginId");
        String coded = page.perform(post("/miniapp/api/login/code").header("Authorization", "tma " + initData)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"loginId\":\"" + loginId + "\",\"code\":\"" + BotSandbox.LOGIN_CODE + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(coded, "$.state")).isEqualTo("ready");
    }
}
