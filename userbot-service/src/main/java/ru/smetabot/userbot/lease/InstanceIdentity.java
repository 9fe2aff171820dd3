package ru.smetabot.userbot.lease;

import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * This instance's id and the URL other instances forward requests to: USERBOT_INSTANCE_URL, or
 * http://localhost:&lt;port&gt; once the API's web server listens (its port may be random, as in tests).
 */
public class InstanceIdentity {

    private final String id;
    private volatile URI url;

    public InstanceIdentity(InstanceProperties properties) {
        this(properties.id(), properties.url());
    }

    public InstanceIdentity(String id, URI url) {
        this.id = id;
        this.url = url;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        // The management server (METRICS_PORT) has its own namespace; the API's has none.
        if (url == null && event.getApplicationContext().getServerNamespace() == null) {
            url = URI.create("http://localhost:" + event.getWebServer().getPort());
        }
    }

    public String id() {
        return id;
    }

    public URI url() {
        if (url == null) {
            throw new IllegalStateException("the API port is not known yet; set USERBOT_INSTANCE_URL");
        }
        return url;
    }
}
