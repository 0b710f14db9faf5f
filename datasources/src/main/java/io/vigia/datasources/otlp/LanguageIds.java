package io.vigia.datasources.otlp;

import java.util.Locale;
import java.util.Map;

/**
 * Programming languages as VS Code's language identifiers ({@code java}, {@code cpp},
 * {@code typescriptreact}), the spelling GitHub's Copilot reports and Copilot Chat's
 * {@code copilot_chat.language_id} use. Claude Code's {@code language} attribute names the language
 * as people write it ("Java", "TypeScript", "C++"); without this, one language would be two bars.
 * The names that do not lowercase to their identifier are from VS Code's "Known language
 * identifiers" table (code.visualstudio.com/docs/languages/identifiers); every other name is the
 * identifier lowercased, as that page's guideline for new identifiers says.
 */
final class LanguageIds {
    private static final Map<String, String> NOT_LOWERCASED = Map.ofEntries(
            Map.entry("c++", "cpp"), Map.entry("c#", "csharp"), Map.entry("f#", "fsharp"),
            Map.entry("javascript react", "javascriptreact"), Map.entry("typescript react", "typescriptreact"),
            Map.entry("shell script", "shellscript"), Map.entry("shell script (bash)", "shellscript"),
            Map.entry("objective-c++", "objective-cpp"), Map.entry("visual basic", "vb"), Map.entry("windows bat", "bat"),
            Map.entry("batch", "bat"), Map.entry("plain text", "plaintext"), Map.entry("json with comments", "jsonc"),
            Map.entry("razor (cshtml)", "razor"), Map.entry("cuda c++", "cuda-cpp"), Map.entry("vue html", "vue-html"));

    private LanguageIds() {
    }

    /** The identifier for {@code name}; null stays null (the attribute was not sent). */
    static String of(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return NOT_LOWERCASED.getOrDefault(lower, lower);
    }
}
