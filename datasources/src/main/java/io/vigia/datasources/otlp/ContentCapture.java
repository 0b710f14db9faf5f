package io.vigia.datasources.otlp;

import io.vigia.datasources.redact.Redactor;
import io.vigia.persistence.files.OwnerOnlyFiles;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prompt and response content that assistants send when their own content capture is on. Off by
 * default, and then nothing of it is kept anywhere (the translators never make labels of it). When
 * the user turns it on, each content attribute is redacted by {@link Redactor} (secrets and
 * personal data, as guardrail prompts are) and appended as one JSON line to an owner-only file.
 */
sealed interface ContentCapture permits ContentCapture.Off, ContentCapture.ToFile {

    /**
     * Attribute keys that hold content: the GenAI semantic conventions' ({@code gen_ai.input.messages},
     * {@code gen_ai.output.messages}, {@code gen_ai.system_instructions}, {@code gen_ai.tool.definitions},
     * {@code gen_ai.tool.call.arguments}, {@code gen_ai.tool.call.result}, and the deprecated
     * {@code gen_ai.prompt}/{@code gen_ai.completion}); Claude Code's event attributes {@code prompt},
     * {@code prompt_text} ({@code user_prompt}), {@code response} ({@code assistant_response}),
     * {@code tool_input}, {@code tool_parameters} ({@code tool_result}, {@code tool_decision}) and
     * {@code body} (raw API bodies); Copilot's {@code copilot_chat.hook_input}/{@code hook_output},
     * {@code github.copilot.tool.parameters.command}/{@code file_path} and {@code github.copilot.message}.
     */
    Set<String> CONTENT_KEYS = Set.of(
            "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.tool.definitions",
            "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "gen_ai.prompt", "gen_ai.completion",
            "prompt", "prompt_text", "response", "tool_input", "tool_parameters", "body",
            "copilot_chat.hook_input", "copilot_chat.hook_output", "github.copilot.tool.parameters.command",
            "github.copilot.tool.parameters.file_path", "github.copilot.message");

    /** Keeps the content attributes of one event or span, if capture is on. */
    void capture(String service, String source, long timeMillis, Map<String, String> attributes);

    static ContentCapture off() {
        return new Off();
    }

    /** Drops everything. */
    record Off() implements ContentCapture {
        @Override
        public void capture(String service, String source, long timeMillis, Map<String, String> attributes) {
            // content is never stored unless the user turned capture on
        }
    }

    /** Redacts and appends to {@code file} (created owner-only). */
    final class ToFile implements ContentCapture {
        private static final ObjectMapper JSON = JsonMapper.builder().build();
        private final Path file;
        private final Redactor redactor = new Redactor();

        public ToFile(Path file) {
            this.file = file;
        }

        public Path file() {
            return file;
        }

        @Override
        public void capture(String service, String source, long timeMillis, Map<String, String> attributes) {
            Map<String, String> content = new LinkedHashMap<>();
            attributes.forEach((k, v) -> {
                if (CONTENT_KEYS.contains(k) && !v.isEmpty()) {
                    content.put(k, redactor.redact(v).text());
                }
            });
            if (content.isEmpty()) {
                return;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.ofEpochMilli(timeMillis).toString());
            line.put("service", service);
            line.put("source", source);
            line.put("content", content);
            try {
                if (!Files.exists(file)) {
                    OwnerOnlyFiles.createFile(file);
                }
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                    w.write(JSON.writeValueAsString(line));
                    w.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not append captured content to " + file, e);
            }
        }
    }
}
