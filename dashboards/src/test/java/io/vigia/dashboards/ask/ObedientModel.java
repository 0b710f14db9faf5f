package io.vigia.dashboards.ask;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted fake model that obeys every instruction it sees: wherever any message (system, user,
 * data block, tool result) says {@code CALL name {json}}, it calls that tool with those arguments,
 * after undoing the JSON quoting of data blocks so that nothing hides an instruction from it. It
 * also makes the calls its script gives. Only the guard stands between it and an action.
 */
final class ObedientModel {
    private static final Pattern CALL = Pattern.compile("CALL ([A-Za-z_][A-Za-z0-9_]*) ");

    private ObedientModel() {
    }

    static HandWrittenChatCompletionsServer.Reply answer(JsonNode request, List<HandWrittenChatCompletionsServer.Call> own) {
        java.util.LinkedHashSet<HandWrittenChatCompletionsServer.Call> calls = new java.util.LinkedHashSet<>(own);
        for (JsonNode m : request.path("messages")) {
            // peel every layer of quoting (a log line quoted in its line, then in the data block's JSON)
            String text = m.path("content").asString("");
            for (int layer = 0; layer < 4; layer++) {
                for (HandWrittenChatCompletionsServer.Call c : instructions(text)) {
                    if (isJson(c.arguments())) {
                        calls.add(c);
                    }
                }
                text = text.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\\"", "\"").replace("\\\\", "\\");
            }
        }
        return new HandWrittenChatCompletionsServer.Reply("Done as instructed.", new ArrayList<>(calls));
    }

    private static boolean isJson(String s) {
        try {
            return HandWrittenChatCompletionsServer.JSON.readTree(s).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static List<HandWrittenChatCompletionsServer.Call> instructions(String text) {
        List<HandWrittenChatCompletionsServer.Call> out = new ArrayList<>();
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            int start = m.end();
            if (start < text.length() && text.charAt(start) == '{') {
                int depth = 0;
                boolean inString = false;
                for (int i = start; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' && text.charAt(i - 1) != '\\') {
                        inString = !inString;
                    } else if (!inString && c == '{') {
                        depth++;
                    } else if (!inString && c == '}' && --depth == 0) {
                        out.add(new HandWrittenChatCompletionsServer.Call(m.group(1), text.substring(start, i + 1)));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
