package ru.smetabot.userbot.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;
import ru.smetabot.userbot.lease.AccountLeases;
import ru.smetabot.userbot.lease.LeaseStore;
import ru.smetabot.userbotapi.UserbotApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code GET /session/status} without an account: this instance's accounts merged with those of every other instance
 * holding a live lease (each asked once, marked as forwarded so it answers only its own). An account's entry comes
 * from the instance holding it; an instance that does not answer is left out and logged.
 */
@Component
class AllInstancesStatus {

    private static final Logger log = LoggerFactory.getLogger(AllInstancesStatus.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountLeases leases;
    private final LeaseStore store;
    private final InstanceForwarder forwarder;

    AllInstancesStatus(AccountLeases leases, LeaseStore store, InstanceForwarder forwarder) {
        this.leases = leases;
        this.store = store;
        this.forwarder = forwarder;
    }

    void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        ContentCachingResponseWrapper local = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, local);
        if (local.getStatus() != HttpServletResponse.SC_OK) {
            local.copyBodyToResponse();
            return;
        }
        Map<Long, JsonNode> accounts = new TreeMap<>();
        JSON.readTree(local.getContentAsByteArray()).path("accounts").forEach(a -> accounts.put(a.path("account").asLong(), a));
        Map<String, LeaseStore.Holder> others = new LinkedHashMap<>();
        Map<Long, String> holders = new TreeMap<>();
        for (LeaseStore.Holder holder : store.live()) {
            holders.put(holder.account(), holder.instanceId());
            if (!holder.instanceId().equals(leases.instance().id())) {
                others.putIfAbsent(holder.instanceId(), holder);
            }
        }
        String authorization = request.getHeader("Authorization");
        for (LeaseStore.Holder other : others.values()) {
            try {
                InstanceForwarder.Answer answer = forwarder.forward(other.url(), "GET", UserbotApi.SESSION_STATUS,
                        Map.of("Authorization", authorization), new byte[0], leases.instance().id());
                if (answer.status() != HttpServletResponse.SC_OK) {
                    throw new IOException("answered " + answer.status());
                }
                JSON.readTree(answer.body()).path("accounts").forEach(a -> {
                    long account = a.path("account").asLong();
                    if (other.instanceId().equals(holders.get(account)) || !accounts.containsKey(account)) {
                        accounts.put(account, a);
                    }
                });
            } catch (IOException | InstanceForwarder.Unreachable e) {
                log.warn("/session/status: instance {} ({}) did not answer ({}); its accounts are missing from this "
                        + "overview, ask with ?account= for one of them", other.instanceId(), other.url(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ArrayNode merged = JSON.createArrayNode();
        accounts.values().forEach(merged::add);
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().set("accounts", merged));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
