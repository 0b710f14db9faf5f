package io.vigia.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.vigia.e2e.ExpositionInput.openMetrics;
import static io.vigia.e2e.ExpositionInput.text;

/**
 * Edge cases of the two exposition formats, written to probe what Prometheus 2.42's textparse
 * lexers (model/textparse/promlex.l and openmetricslex.l at v2.42.0) accept: white space, commas,
 * repeated metadata, escapes and raw control characters in label values, number and timestamp
 * spellings, line ends, {@code # EOF}, exemplars, label and metric names. Names start with
 * {@code t-} (served as text 0.0.4), {@code o-} (OpenMetrics 1.0) or {@code ct-} (an unusual
 * Content-Type). Own timestamps are near {@code nowMillis}, so that Prometheus's head accepts them.
 */
final class GeneratedExpositionInputs {
    private GeneratedExpositionInputs() {
    }

    static List<ExpositionInput> all(long nowMillis) {
        List<ExpositionInput> in = new ArrayList<>();
        long ms = nowMillis;
        long s = nowMillis / 1000;
        // ---- white space and separators
        in.add(text("t-ws_leading", "  foo 1\n\tbar 2\n"));
        in.add(text("t-ws_name_brace", "foo {a=\"1\"} 1\n"));
        in.add(text("t-ws_inside_braces", "foo{ a = \"1\" , b=\"2\" } 1\n"));
        in.add(text("t-ws_before_label_value", "foo{a= \"1\"} 1\n"));
        in.add(text("t-ws_tabs", "foo\t1\nbar{a=\"1\"}\t\t2\n"));
        in.add(text("t-ws_trailing", "foo 1   \n"));
        in.add(text("t-ws_trailing_after_timestamp", "foo 1 " + ms + " \t\n"));
        in.add(text("t-ws_only_line", "foo 1\n   \nbar 2\n"));
        in.add(text("t-blank_lines", "\n\nfoo 1\n\n\nbar 2\n\n"));
        in.add(text("t-no_space_before_value", "foo{a=\"1\"}1\n"));
        in.add(text("t-no_space_after_name", "foo1\n"));
        in.add(openMetrics("o-double_space", "foo  1\n# EOF\n"));
        in.add(openMetrics("o-trailing_space", "foo 1 \n# EOF\n"));
        in.add(openMetrics("o-space_in_braces", "foo{ a=\"1\"} 1\n# EOF\n"));
        in.add(openMetrics("o-tab_separator", "foo\t1\n# EOF\n"));
        in.add(openMetrics("o-no_space_before_value", "foo{a=\"1\"}1\n# EOF\n"));
        // ---- commas
        in.add(text("t-trailing_comma", "foo{a=\"1\",} 1\n"));
        in.add(text("t-missing_comma", "foo{a=\"1\" b=\"2\"} 1\n"));
        in.add(text("t-leading_comma", "foo{,a=\"1\"} 1\n"));
        in.add(text("t-double_comma", "foo{a=\"1\",,b=\"2\"} 1\n"));
        in.add(openMetrics("o-trailing_comma", "foo{a=\"1\",} 1\n# EOF\n"));
        in.add(openMetrics("o-missing_comma", "foo{a=\"1\" b=\"2\"} 1\n# EOF\n"));
        // ---- empty things
        in.add(text("t-empty_braces", "foo{} 1\n"));
        in.add(text("t-empty_label_value", "foo{a=\"\",b=\"2\"} 1\n"));
        in.add(openMetrics("o-empty_label_value", "foo{a=\"\"} 1\n# EOF\n"));
        in.add(text("t-empty_body", ""));
        in.add(openMetrics("o-empty_body", ""));
        in.add(openMetrics("o-only_eof", "# EOF\n"));
        in.add(text("t-no_value", "foo\n"));
        in.add(text("t-labels_no_value", "foo{a=\"1\"}\n"));
        // ---- metadata
        in.add(text("t-repeated_type", "# TYPE foo counter\n# TYPE foo counter\nfoo 1\n"));
        in.add(text("t-repeated_type_conflicting", "# TYPE foo gauge\n# TYPE foo counter\nfoo 1\n"));
        in.add(text("t-repeated_help", "# HELP foo one\n# HELP foo two\nfoo 1\n"));
        in.add(text("t-type_after_samples", "foo 1\n# TYPE foo counter\n"));
        in.add(text("t-type_trailing_space", "# TYPE foo counter \nfoo 1\n"));
        in.add(text("t-type_double_space", "# TYPE foo  counter\nfoo 1\n"));
        in.add(text("t-type_tab", "# TYPE foo\tcounter\nfoo 1\n"));
        in.add(text("t-type_uppercase", "# TYPE foo COUNTER\nfoo 1\n"));
        in.add(text("t-type_openmetrics_only", "# TYPE foo gaugehistogram\nfoo 1\n"));
        in.add(text("t-type_untyped", "# TYPE foo untyped\nfoo 1\n"));
        in.add(text("t-type_no_type", "# TYPE foo\nfoo 1\n"));
        in.add(text("t-help_no_text", "# HELP foo\nfoo 1\n"));
        in.add(text("t-help_bad_name", "# HELP 1foo x\nfoo 1\n"));
        in.add(text("t-help_escapes", "# HELP foo a\\\\b\\nc\\td\nfoo 1\n"));
        in.add(text("t-comments_anywhere", "# hello\n#\n#HELP foo nope\n  # indented\n# TYPE\nfoo 1\n# trailing\n"));
        in.add(text("t-comment_after_value", "foo 1 # a comment\n"));
        in.add(text("t-eof_line_then_more", "foo 1\n# EOF\nbar 2\n"));
        in.add(openMetrics("o-repeated_type", "# TYPE foo counter\n# TYPE foo counter\nfoo_total 1\n# EOF\n"));
        in.add(openMetrics("o-type_untyped", "# TYPE foo untyped\nfoo 1\n# EOF\n"));
        in.add(openMetrics("o-plain_comment", "# hello\nfoo 1\n# EOF\n"));
        in.add(openMetrics("o-help_no_space", "# HELP foo\nfoo 1\n# EOF\n"));
        in.add(openMetrics("o-unit_mismatch", "# TYPE foo_seconds gauge\n# UNIT foo_seconds milliseconds\nfoo_seconds 1\n# EOF\n"));
        in.add(openMetrics("o-unit_match", "# TYPE foo_seconds gauge\n# UNIT foo_seconds seconds\nfoo_seconds 1\n# EOF\n"));
        in.add(openMetrics("o-counter_without_total", "# TYPE foo counter\nfoo 1\n# EOF\n"));
        in.add(openMetrics("o-created", "# TYPE foo counter\nfoo_total 3\nfoo_created " + s + ".5\n# EOF\n"));
        in.add(text("t-created", "# TYPE foo counter\nfoo_total 3\nfoo_created " + s + ".5\n"));
        // ---- label values: escapes and raw characters
        in.add(text("t-escapes", "foo{a=\"q\\\"b\\\\s\\nn\"} 1\n"));
        in.add(text("t-unknown_escape", "foo{a=\"x\\ty\\q\"} 1\n"));
        in.add(text("t-raw_newline_in_label_value", "foo{a=\"x\ny\"} 1\nbar 2\n"));
        in.add(text("t-backslash_newline_in_label_value", "foo{a=\"x\\\ny\"} 1\n"));
        in.add(text("t-raw_tab_in_label_value", "foo{a=\"x\ty\"} 1\n"));
        in.add(text("t-hash_and_braces_in_label_value", "foo{a=\"# {}\",b=\"}\"} 1\n"));
        in.add(text("t-unterminated_label_value", "foo{a=\"x} 1\nbar 2\n"));
        in.add(text("t-single_quotes", "foo{a='x'} 1\n"));
        in.add(text("t-label_without_value", "foo{a} 1\n"));
        in.add(text("t-utf8_label_value", "foo{a=\"ñ€😀\"} 1\n"));
        in.add(openMetrics("o-escapes", "foo{a=\"q\\\"b\\\\s\\nn\"} 1\n# EOF\n"));
        in.add(openMetrics("o-raw_newline_in_label_value", "foo{a=\"x\ny\"} 1\n# EOF\n"));
        in.add(openMetrics("o-utf8_label_value", "foo{a=\"ñ€😀\"} 1\n# EOF\n"));
        in.add(new ExpositionInput("t-invalid_utf8_label_value", ExpositionInput.TEXT, bytes("foo{a=\"x", 0xff, "\"} 1\n")));
        in.add(new ExpositionInput("t-invalid_utf8_comment", ExpositionInput.TEXT, bytes("# x", 0xc3, 0x28, "\nfoo 1\n")));
        in.add(new ExpositionInput("t-invalid_utf8_help", ExpositionInput.TEXT, bytes("# HELP foo x", 0xff, "\nfoo 1\n")));
        in.add(new ExpositionInput("o-invalid_utf8_label_value", ExpositionInput.OPENMETRICS, bytes("foo{a=\"x", 0xff, "\"} 1\n# EOF\n")));
        // ---- names
        in.add(text("t-name_label_in_braces", "foo{__name__=\"bar\"} 1\n"));
        in.add(text("t-only_name_label", "{__name__=\"foo\"} 1\n"));
        in.add(text("t-quoted_utf8_metric_name", "{\"my.metric\"} 1\n"));
        in.add(text("t-quoted_utf8_label_name", "foo{\"my.label\"=\"x\"} 1\n"));
        in.add(openMetrics("o-quoted_utf8_metric_name", "{\"my.metric\"} 1\n# EOF\n"));
        in.add(text("t-duplicate_label_name", "foo{a=\"1\",a=\"2\"} 1\n"));
        in.add(text("t-label_name_digit_start", "foo{1a=\"x\"} 1\n"));
        in.add(text("t-label_name_unicode", "foo{ñ=\"x\"} 1\n"));
        in.add(text("t-label_name_colon", "foo{a:b=\"x\"} 1\n"));
        in.add(text("t-label_name_reserved_prefix", "foo{__x=\"y\"} 1\n"));
        in.add(text("t-metric_name_unicode", "métrica 1\n"));
        in.add(text("t-metric_name_colons", "a:b:c 1\n:d 2\n"));
        in.add(text("t-metric_name_digit_start", "1foo 1\n"));
        in.add(text("t-exposed_job_and_instance", "foo{job=\"x\",instance=\"y\"} 1\n"));
        in.add(text("t-exposed_exported_job", "foo{job=\"x\",exported_job=\"z\"} 1\n"));
        // ---- long lines
        in.add(text("t-long_label_value", "foo{a=\"" + "x".repeat(100_000) + "\"} 1\n"));
        in.add(text("t-long_metric_name", "f" + "o".repeat(10_000) + " 1\n"));
        StringBuilder many = new StringBuilder("foo{");
        for (int i = 0; i < 300; i++) {
            many.append("l").append(i).append("=\"v").append(i).append("\",");
        }
        in.add(text("t-many_labels", many.append("} 1\n").toString()));
        // ---- line ends, BOM, NUL
        in.add(text("t-no_final_newline", "foo 1\nbar 2"));
        in.add(text("t-no_final_newline_comment", "foo 1\n# end"));
        in.add(text("t-crlf", "foo 1\r\nbar 2\r\n"));
        in.add(text("t-crlf_comment_only", "# a comment\r\nfoo 1\n"));
        in.add(text("t-crlf_help", "# HELP foo x\r\nfoo 1\n"));
        in.add(text("t-crlf_type", "# TYPE foo counter\r\nfoo 1\n"));
        in.add(text("t-lone_cr", "foo 1\rbar 2\n"));
        in.add(text("t-bom", "\uFEFFfoo 1\n"));
        in.add(openMetrics("o-bom", "\uFEFFfoo 1\n# EOF\n"));
        in.add(openMetrics("o-crlf", "foo 1\r\n# EOF\r\n"));
        in.add(openMetrics("o-eof_crlf", "foo 1\n# EOF\r\n"));
        in.add(openMetrics("o-no_eof", "foo 1\n"));
        in.add(openMetrics("o-eof_no_newline", "foo 1\n# EOF"));
        in.add(openMetrics("o-eof_then_blank_line", "foo 1\n# EOF\n\n"));
        in.add(openMetrics("o-eof_then_sample", "foo 1\n# EOF\nbar 2\n"));
        in.add(openMetrics("o-eof_trailing_space", "foo 1\n# EOF \n"));
        in.add(openMetrics("o-blank_line", "foo 1\n\nbar 2\n# EOF\n"));
        in.add(text("t-nul_line_start", "foo 1\n\0bar 2\n"));
        in.add(text("t-nul_in_label_value", "foo{a=\"x\0y\"} 1\n"));
        in.add(text("t-nul_after_value", "foo 1\0\n"));
        in.add(text("t-nul_in_comment", "# x\0y\nfoo 1\n"));
        in.add(openMetrics("o-nul_line_start", "foo 1\n\0bar 2\n# EOF\n"));
        in.add(openMetrics("o-nul_in_label_value", "foo{a=\"x\0y\"} 1\n# EOF\n"));
        // ---- timestamps (own timestamps near now, so Prometheus's head takes them)
        in.add(text("t-ts_millis", "foo 1 " + ms + "\n"));
        in.add(text("t-ts_fraction", "foo 1 " + ms + ".5\n"));
        in.add(text("t-ts_negative", "foo 1 -" + ms + "\n"));
        in.add(text("t-ts_plus", "foo 1 +" + ms + "\n"));
        in.add(text("t-ts_exponent", "foo 1 " + s + "e3\n"));
        in.add(text("t-ts_overflow", "foo 1 99999999999999999999\n"));
        in.add(text("t-ts_two", "foo 1 " + ms + " " + ms + "\n"));
        in.add(text("t-ts_two_hours_old", "foo 1 " + (ms - 2 * 3600_000) + "\nbar 2\n"));
        in.add(openMetrics("o-ts_two_hours_old", "foo 1 " + (s - 2 * 3600) + "\nbar 2\n# EOF\n"));
        in.add(text("t-ts_then_garbage", "foo 1 " + ms + " x\n"));
        in.add(openMetrics("o-ts_seconds", "foo 1 " + s + "\n# EOF\n"));
        in.add(openMetrics("o-ts_millis_fraction", "foo 1 " + s + ".123\nbar 1 " + s + ".001\nbaz 1 " + s + ".999\n# EOF\n"));
        in.add(openMetrics("o-ts_half_millisecond", "foo 1 " + s + ".0125\nbar 1 " + s + ".0135\n# EOF\n"));
        in.add(openMetrics("o-ts_exponent", "foo 1 " + s / 1_000_000_000 + "." + String.format("%09d", s % 1_000_000_000) + "e9\n# EOF\n"));
        in.add(openMetrics("o-ts_nan", "foo 1 NaN\n# EOF\n"));
        in.add(openMetrics("o-ts_inf", "foo 1 +Inf\n# EOF\n"));
        in.add(openMetrics("o-ts_hex", "foo 1 0x10\n# EOF\n"));
        in.add(openMetrics("o-ts_two", "foo 1 " + s + " " + s + "\n# EOF\n"));
        // ---- values
        String[] spellings = {"NaN", "nan", "NAN", "+NaN", "-NaN", "Inf", "+Inf", "-Inf", "inf", "+inf", "-inf", "INF",
            "Infinity", "+Infinity", "-infinity", "infinit"};
        for (String v : spellings) {
            String id = v.replace("+", "plus_").replace("-", "minus_");
            in.add(text("t-value_" + id, "foo " + v + "\n"));
            in.add(openMetrics("o-value_" + id, "foo " + v + "\n# EOF\n"));
        }
        String[][] numbers = {{"hex", "0x10"}, {"hex_float", "0x1p4"}, {"underscore", "1_000"}, {"overflow", "1e400"},
            {"underflow", "1e-400"}, {"plus", "+1"}, {"leading_dot", ".5"}, {"trailing_dot", "5."}, {"leading_zeros", "007"},
            {"exponent_upper", "1E3"}, {"uint64_max", "18446744073709551615"}, {"comma_decimal", "1,5"}, {"negative_zero", "-0"}};
        for (String[] n : numbers) {
            in.add(text("t-value_" + n[0], "foo " + n[1] + "\n"));
            in.add(openMetrics("o-value_" + n[0], "foo " + n[1] + "\n# EOF\n"));
        }
        // ---- duplicates
        in.add(text("t-duplicate_series_same_value", "foo 1\nfoo 1\n"));
        in.add(text("t-duplicate_series_other_value", "foo 1\nfoo 2\n"));
        in.add(text("t-duplicate_series_reordered_labels", "foo{a=\"1\",b=\"2\"} 1\nfoo{b=\"2\",a=\"1\"} 2\n"));
        in.add(text("t-duplicate_series_spacing", "foo{a=\"1\"} 1\nfoo { a=\"1\" } 2\n"));
        in.add(text("t-duplicate_series_empty_label", "foo 1\nfoo{a=\"\"} 2\n"));
        in.add(text("t-duplicate_series_own_timestamps", "foo 1 " + (ms - 2000) + "\nfoo 2 " + (ms - 1000) + "\n"));
        in.add(text("t-series_own_timestamps_backwards", "foo 1 " + (ms - 1000) + "\nfoo 2 " + (ms - 2000) + "\n"));
        in.add(openMetrics("o-duplicate_series_other_value", "foo 1\nfoo 2\n# EOF\n"));
        // ---- exemplars
        in.add(openMetrics("o-exemplar_on_total", "# TYPE foo counter\nfoo_total 1 # {trace_id=\"abc\"} 0.5\n# EOF\n"));
        in.add(openMetrics("o-exemplar_with_timestamp", "# TYPE foo counter\nfoo_total 1 " + s + " # {trace_id=\"abc\"} 0.5 " + s + "\n# EOF\n"));
        in.add(openMetrics("o-exemplar_on_gauge", "# TYPE foo gauge\nfoo 1 # {trace_id=\"abc\"} 0.5\n# EOF\n"));
        in.add(openMetrics("o-exemplar_on_untyped_total", "foo_total 1 # {trace_id=\"abc\"} 0.5\n# EOF\n"));
        in.add(openMetrics("o-exemplar_bad_value", "# TYPE foo counter\nfoo_total 1 # {trace_id=\"abc\"} x\n# EOF\n"));
        in.add(openMetrics("o-exemplar_value_nan_spelling", "# TYPE foo counter\nfoo_total 1 # {trace_id=\"abc\"} nan\n# EOF\n"));
        in.add(openMetrics("o-exemplar_long_labels", "# TYPE foo counter\nfoo_total 1 # {trace_id=\"" + "a".repeat(200) + "\"} 1\n# EOF\n"));
        in.add(openMetrics("o-exemplar_empty_labels", "# TYPE foo counter\nfoo_total 1 # {} 1\n# EOF\n"));
        in.add(openMetrics("o-exemplar_escape_in_label", "# TYPE foo counter\nfoo_total 1 # {a=\"x\\\"y\"} 1\n# EOF\n"));
        in.add(text("t-exemplar", "foo_total 1 # {trace_id=\"abc\"} 0.5\n"));
        // ---- Content-Type
        in.add(new ExpositionInput("ct-openmetrics_no_version", "application/openmetrics-text", bytes("foo 1\n# EOF\n")));
        in.add(new ExpositionInput("ct-openmetrics_upper_case", "Application/OpenMetrics-Text; version=1.0.0", bytes("foo 1\n# EOF\n")));
        in.add(new ExpositionInput("ct-openmetrics_bad_parameter", "application/openmetrics-text; version", bytes("foo 1\n")));
        in.add(new ExpositionInput("ct-text_plain_bare", "text/plain", bytes("foo 1\n")));
        in.add(new ExpositionInput("ct-json", "application/json", bytes("foo 1\n")));
        in.add(new ExpositionInput("ct-openmetrics_body_as_text", ExpositionInput.TEXT, bytes("foo_total 1 # {a=\"b\"} 1\n# EOF\n")));
        return in;
    }

    /** Bytes from strings (as UTF-8) and single byte values, for input that is not valid UTF-8. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String str) {
                out.writeBytes(str.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }
}
