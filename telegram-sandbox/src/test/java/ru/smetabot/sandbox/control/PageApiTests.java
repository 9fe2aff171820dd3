package ru.smetabot.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import tools.jackson.databind.json.JsonMapper;

/** The control endpoints the web page uses beyond the Java client's: uploads, per-post views, join requests. */
class PageApiTests {

    private static final long OWNER = 1300L;
    private static final long HELPER = 1301L;
    private static final long CLIENT = 1302L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxClient sandbox;
    private long chatId;

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(OWNER, "Owner", "owner");
        sandbox.createUser(HELPER, "Helper", "helper");
        sandbox.createUser(CLIENT, "Client", "client");
        chatId = sandbox.createChannel(OWNER, "Room").id();
    }

    @Test
    void infoNamesTheSignInCodeAndNoDemoWhenNoneIsConfigured() throws Exception {
        assertThat(call("GET", "/info", null).body()).contains("\"login_code\":\"12345\"").contains("\"demo\":false");
        assertThat(call("POST", "/demo", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileSentAsMultipartReachesTheBotDialogAndTheChannel() throws Exception {
        sandbox.sendText(OWNER, TestSandbox.BOT_ID, "/start");
        HttpResponse<String> toBot = multipart("/users/" + OWNER + "/bots/" + TestSandbox.BOT_ID + "/documents",
                Map.of("caption", "смета"), "смета.pdf", "%PDF-1.4 x");
        assertThat(toBot.statusCode()).as(toBot.body()).isEqualTo(200);
        Message sent = sandbox.readDialog(OWNER, TestSandbox.BOT_ID).messages().get(1);
        assertThat(sent.document().fileName()).isEqualTo("смета.pdf");
        assertThat(sent.text()).isEqualTo("смета");
        assertThat(new String(sandbox.file(sent.document().fileId()), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 x");

        HttpResponse<String> toChannel = multipart("/channels/" + chatId + "/posts", Map.of("user_id", "" + OWNER),
                "plan.pdf", "plan");
        assertThat(toChannel.statusCode()).as(toChannel.body()).isEqualTo(200);
        assertThat(sandbox.channel(chatId).postCount()).isEqualTo(1);
    }

    @Test
    void listingWithoutCountingLeavesViewsAndOpeningAPostCountsOncePerCooldown() throws Exception {
        sandbox.addAdmin(chatId, HELPER);
        int post = sandbox.postToChannel(chatId, OWNER, "first").messageId();

        String listed = call("GET", "/channels/" + chatId + "/posts?viewer_id=" + HELPER + "&count_views=false", null)
                .body();
        assertThat(listed).contains("\"views\":0");
        assertThat(call("POST", "/channels/" + chatId + "/posts/" + post + "/view", Map.of("viewer_id", HELPER)).body())
                .contains("\"counted\":true").contains("\"views\":1");
        assertThat(call("POST", "/channels/" + chatId + "/posts/" + post + "/view", Map.of("viewer_id", HELPER)).body())
                .contains("\"counted\":false").contains("\"views\":1");
        assertThat(call("POST", "/channels/" + chatId + "/posts/" + post + "/view", Map.of("viewer_id", CLIENT))
                .statusCode()).as("not a member").isEqualTo(403);
    }

    @Test
    void aUserWithdrawsARequestAndAHumanAdminDecidesTheNextOne() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        String link = TestSandbox.telegram().execute(CreateChatInviteLink.builder().chatId(chatId)
                .createsJoinRequest(true).build()).getInviteLink();
        assertThat(sandbox.openInviteLink(CLIENT, link).outcome()).isEqualTo("requested");
        assertThat(call("GET", "/users/" + CLIENT + "/join-requests", null).body()).contains("\"chat_id\":" + chatId);

        assertThat(call("DELETE", "/channels/" + chatId + "/join-requests/" + CLIENT, null).statusCode()).isEqualTo(200);
        assertThat(sandbox.channel(chatId).joinRequests()).isEmpty();
        assertThat(call("GET", "/users/" + CLIENT + "/join-requests", null).body()).isEqualTo("[]");
        assertThat(call("DELETE", "/channels/" + chatId + "/join-requests/" + CLIENT, null).body())
                .contains("HIDE_REQUESTER_MISSING");

        sandbox.openInviteLink(CLIENT, link);
        String approve = "/channels/" + chatId + "/join-requests/" + CLIENT + "/approve";
        assertThat(call("POST", approve, Map.of("actor_id", HELPER)).statusCode()).as("not an admin yet").isEqualTo(403);
        sandbox.addAdmin(chatId, HELPER);
        assertThat(call("POST", approve, Map.of("actor_id", HELPER)).statusCode()).isEqualTo(200);
        assertThat(sandbox.channel(chatId).members()).anyMatch(m -> m.userId() == CLIENT && m.status().equals("member"));
        assertThat(sandbox.joinDecisions(chatId)).singleElement()
                .satisfies(d -> assertThat(d.actorId()).isEqualTo(HELPER));
    }

    private HttpResponse<String> call(String method, String path, Map<String, ?> body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/api" + path))
                .header("Content-Type", "application/json").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, String content)
            throws Exception {
        String boundary = "page-test-boundary";
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/pdf\r\n\r\n").append(content).append("\r\n--")
                .append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/api" + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
