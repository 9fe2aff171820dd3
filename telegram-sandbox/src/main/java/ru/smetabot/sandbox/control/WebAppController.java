package ru.smetabot.sandbox.control;

import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.webapps.WebAppLauncher;

/** The user opens a bot's web_app button: the URL to load, with signed initData in its fragment. */
@RestController
@RequestMapping("/sandbox/api")
class WebAppController {

    private final WebAppLauncher launcher;

    WebAppController(WebAppLauncher launcher) {
        this.launcher = launcher;
    }

    record Open(String url) {
    }

    @PostMapping("/users/{userId}/bots/{botId}/web-app")
    Map<String, Object> open(@PathVariable long userId, @PathVariable long botId, @RequestBody Open body) {
        WebAppLauncher.Launch launch = launcher.open(userId, botId, body.url());
        return Json.obj("url", launch.url(), "init_data", launch.initData());
    }
}
