package ru.smetabot.bot.conversation;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Steps as (name, JSON payload) rows. */
@Component
class StepCodec {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    StepCodec(JsonMapper json) {
        this.json = json;
    }

    static String name(Step step) {
        return name(step.getClass());
    }

    static String name(Class<? extends Step> type) {
        if (type == Step.AwaitingTitle.class) {
            return "title";
        }
        if (type == Step.AwaitingAccount.class) {
            return "account_for_room";
        }
        if (type == Step.AwaitingSearch.class) {
            return "search";
        }
        if (type == Step.AwaitingDocument.class) {
            return "document";
        }
        if (type == Step.PendingDocument.class) {
            return "pending_document";
        }
        if (type == Step.AwaitingLinkName.class) {
            return "link_name";
        }
        if (type == Step.LinkDraft.class) {
            return "link_draft";
        }
        if (type == Step.AwaitingRoomTitle.class) {
            return "room_title";
        }
        throw new IllegalArgumentException("unknown step " + type);
    }

    String payload(Step step) {
        Map<String, Object> values = new HashMap<>();
        if (step instanceof Step.AwaitingDocument awaiting) {
            values.put("roomId", awaiting.roomId());
        } else if (step instanceof Step.PendingDocument pending) {
            values.put("fileId", pending.fileId());
            values.put("fileName", pending.fileName());
            values.put("mimeType", pending.mimeType());
            values.put("fileSize", pending.fileSize());
        } else if (step instanceof Step.AwaitingLinkName linkName) {
            values.put("roomId", linkName.roomId());
        } else if (step instanceof Step.AwaitingRoomTitle roomTitle) {
            values.put("roomId", roomTitle.roomId());
        } else if (step instanceof Step.LinkDraft draft) {
            values.put("roomId", draft.roomId());
            values.put("name", draft.name());
        }
        return json.writeValueAsString(values);
    }

    Step step(String name, String payload) {
        Map<String, Object> values = json.readValue(payload, MAP);
        switch (name) {
            case "title":
                return new Step.AwaitingTitle();
            case "account_for_room":
                return new Step.AwaitingAccount();
            case "search":
                return new Step.AwaitingSearch();
            case "document":
                return new Step.AwaitingDocument(asLong(values.get("roomId")));
            case "pending_document":
                return new Step.PendingDocument((String) values.get("fileId"), (String) values.get("fileName"),
                        (String) values.get("mimeType"), asLong(values.get("fileSize")));
            case "link_name":
                return new Step.AwaitingLinkName(asLong(values.get("roomId")));
            case "link_draft":
                return new Step.LinkDraft(asLong(values.get("roomId")), (String) values.get("name"));
            case "room_title":
                return new Step.AwaitingRoomTitle(asLong(values.get("roomId")));
            default:
                throw new IllegalStateException("unknown step '" + name + "' in core.bot_conversations");
        }
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
