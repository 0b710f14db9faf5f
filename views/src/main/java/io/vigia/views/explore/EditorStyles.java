package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The editor's style spans: each token's CSS class, plus {@code query-error-range} over the error. */
final class EditorStyles {
    static final String ERROR_CLASS = "query-error-range";

    private EditorStyles() {
    }

    static StyleSpans<Collection<String>> compute(String text, QueryLanguage language, QueryError error) {
        List<QueryLexer.Token> tokens = QueryLexer.scan(text, language).tokens();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (QueryLexer.Token t : tokens) {
            cuts.add(t.start());
            cuts.add(t.end());
        }
        boolean underline = error != null && error.hasPosition() && error.end() <= text.length();
        if (underline) {
            cuts.add(error.start());
            cuts.add(error.end());
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int ti = 0;
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                while (ti < tokens.size() && tokens.get(ti).end() <= prev) {
                    ti++;
                }
                List<String> classes = new ArrayList<>(2);
                if (ti < tokens.size() && tokens.get(ti).start() <= prev) {
                    classes.add(tokens.get(ti).kind().styleClass());
                }
                if (underline && prev >= error.start() && cut <= error.end()) {
                    classes.add(ERROR_CLASS);
                }
                b.add(classes, cut - prev);
            }
            prev = cut;
        }
        if (text.isEmpty()) {
            b.add(List.of(), 0);
        }
        return b.create();
    }
}
