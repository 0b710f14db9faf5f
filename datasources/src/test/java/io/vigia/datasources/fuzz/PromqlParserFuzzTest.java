package io.vigia.datasources.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.datasources.promql.parser.Printer;

import java.nio.charset.StandardCharsets;

class PromqlParserFuzzTest {

    /**
     * The PromQL parser either builds a tree or throws {@link ParseException}; a tree it built must
     * also print (and the printed text is parsed again, which exercises the parser on canonical forms).
     */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String query = new String(data, StandardCharsets.UTF_8);
        try {
            var expr = Parser.parse(query);
            Parser.parse(Printer.format(expr));
        } catch (ParseException expected) {
            // bad input, reported with a position
        }
        try {
            Parser.parseMatchers(query);
        } catch (ParseException expected) {
            // not a plain selector
        }
    }
}
