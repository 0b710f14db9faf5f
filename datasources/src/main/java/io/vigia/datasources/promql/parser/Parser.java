package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.AggregateOp;
import io.vigia.datasources.promql.ast.BinaryOp;
import io.vigia.datasources.promql.ast.DurationExpr;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.Expr.AtMode;
import io.vigia.datasources.promql.ast.FunctionDef;
import io.vigia.datasources.promql.ast.Functions;
import io.vigia.datasources.promql.ast.PosRange;
import io.vigia.datasources.promql.ast.PromqlFeature;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.ast.ValueType;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent PromQL parser producing {@link Expr} trees, with Prometheus's type checks and
 * error messages. Hand-written because PromQL's grammar is small and error positions matter.
 */
public final class Parser {
    private final String query;
    private final List<Token> tokens;
    private final PromqlFeatures features;
    private final DurationExprParser durations;
    private int i;

    private Parser(String query, PromqlFeatures features) {
        this.query = query;
        this.tokens = Lexer.tokenize(query);
        this.features = features;
        this.durations = new DurationExprParser(this, features.has(PromqlFeature.DURATION_EXPR));
    }

    /** Parses a full expression with a default Prometheus server's features. @throws ParseException on any syntax or type error */
    public static Expr parse(String query) {
        return parse(query, PromqlFeatures.DEFAULTS);
    }

    /** Parses a full expression with the given language features. @throws ParseException on any syntax or type error */
    public static Expr parse(String query, PromqlFeatures features) {
        Parser p = new Parser(query, features);
        if (p.peek().kind() == Token.Kind.EOF) {
            throw new ParseException(query, new PosRange(0, 0), "no expression found in input");
        }
        Expr e = p.parseExpr(0);
        if (p.peek().kind() != Token.Kind.EOF) {
            throw p.unexpected(p.peek(), null);
        }
        return e;
    }

    /** Parses a series selector such as {@code up{job="x"}} (the API's {@code match[]} argument). */
    public static List<LabelMatcher> parseMatchers(String text) {
        Expr e = parse(text);
        if (e instanceof Expr.VectorSelector vs && !vs.offsetSet() && vs.atMode() == AtMode.NONE) {
            return vs.matchers();
        }
        throw new ParseException(text, e.pos(), "expected type instant vector selector, got " + e.type().text());
    }

    // ---- helpers -------------------------------------------------------------------------------

    Token peek() {
        return tokens.get(i);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token t = tokens.get(i);
        if (t.kind() != Token.Kind.EOF) {
            i++;
        }
        return t;
    }

    Token expect(Token.Kind kind, String context) {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t, context);
        }
        return advance();
    }

    ParseException error(Token t, String msg) {
        return new ParseException(query, new PosRange(t.start(), t.end()), msg);
    }

    ParseException error(PosRange p, String msg) {
        return new ParseException(query, p, msg);
    }

    ParseException unexpected(Token t, String context) {
        String msg = "unexpected " + t.describe();
        if (context != null) {
            msg += " in " + context;
        }
        return error(t, msg);
    }

    private static PosRange span(PosRange a, int end) {
        return new PosRange(a.start(), end);
    }

    private int lastEnd() {
        return i == 0 ? 0 : tokens.get(i - 1).end();
    }

    // ---- expressions ---------------------------------------------------------------------------

    Expr parseExpr(int minPrec) {
        Expr lhs = parseUnary();
        while (true) {
            Token t = peek();
            BinaryOp op = binaryOp(t);
            if (op == null || op.precedence() < minPrec) {
                return lhs;
            }
            advance();
            boolean returnBool = false;
            if (peek().is("bool")) {
                advance();
                returnBool = true;
            }
            Expr.VectorMatching matching = null;
            boolean on = false;
            List<String> matchLabels = List.of();
            Expr.Cardinality card = Expr.Cardinality.ONE_TO_ONE;
            List<String> include = List.of();
            boolean hasMatching = false;
            if (peek().is("on") || peek().is("ignoring")) {
                on = advance().is("on");
                matchLabels = parseLabelList();
                hasMatching = true;
                if (peek().is("group_left") || peek().is("group_right")) {
                    card = advance().is("group_left") ? Expr.Cardinality.MANY_TO_ONE : Expr.Cardinality.ONE_TO_MANY;
                    if (peek().kind() == Token.Kind.LPAREN) {
                        include = parseLabelList();
                    }
                }
            } else if (peek().is("group_left") || peek().is("group_right")) {
                throw unexpected(peek(), null);
            }
            Expr.FillValues fill = FillModifierParser.parse(this);
            Expr rhs = parseExpr(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            matching = new Expr.VectorMatching(card, matchLabels, on, include, fill);
            PosRange pos = new PosRange(lhs.pos().start(), rhs.pos().end());
            if (fill.any() && !features.has(PromqlFeature.BINOP_FILL_MODIFIERS)) {
                throw error(pos, "binop fill modifiers are experimental and not enabled");
            }
            lhs = checkBinary(new Expr.Binary(op, lhs, rhs, matching, returnBool, pos), t, hasMatching);
        }
    }

    private static BinaryOp binaryOp(Token t) {
        return switch (t.kind()) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            case EQLC -> BinaryOp.EQLC;
            case NEQ -> BinaryOp.NEQ;
            case LTE -> BinaryOp.LTE;
            case LSS -> BinaryOp.LSS;
            case GTE -> BinaryOp.GTE;
            case GTR -> BinaryOp.GTR;
            case IDENT -> {
                if (t.is("and")) {
                    yield BinaryOp.AND;
                } else if (t.is("or")) {
                    yield BinaryOp.OR;
                } else if (t.is("unless")) {
                    yield BinaryOp.UNLESS;
                } else if (t.is("atan2")) {
                    yield BinaryOp.ATAN2;
                }
                yield null;
            }
            default -> null;
        };
    }

    private Expr checkBinary(Expr.Binary b, Token opTok, boolean hasMatching) {
        ValueType lt = b.lhs().type();
        ValueType rt = b.rhs().type();
        PosRange opRange = new PosRange(opTok.start(), opTok.end());
        if (b.returnBool() && !b.op().isComparison()) {
            throw error(opRange, "bool modifier can only be used on comparison operators");
        }
        if (b.op().isComparison() && !b.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw error(opRange, "comparisons between scalars must use BOOL modifier");
        }
        Expr.VectorMatching m = b.matching();
        if (b.op().isSetOperator() && m.card() == Expr.Cardinality.ONE_TO_ONE) {
            m = new Expr.VectorMatching(Expr.Cardinality.MANY_TO_MANY, m.matchingLabels(), m.on(), m.include(),
                    m.fill());
        }
        if (m.on()) {
            for (String l1 : m.matchingLabels()) {
                if (m.include().contains(l1)) {
                    throw error(opRange, "label \"" + l1 + "\" must not occur in ON and GROUP clause at once");
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
            throw error(b.lhs().pos(), "binary expression must contain only scalar and instant vector types");
        }
        if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
            throw error(b.rhs().pos(), "binary expression must contain only scalar and instant vector types");
        }
        if (lt != ValueType.VECTOR || rt != ValueType.VECTOR) {
            if (hasMatching && (!m.matchingLabels().isEmpty() || m.on())) {
                throw error(b.pos(), "vector matching only allowed between instant vectors");
            }
            if (m.fill().any()) {
                throw error(b.pos(), "filling in missing series only allowed between instant vectors");
            }
            if (m.card() == Expr.Cardinality.MANY_TO_ONE || m.card() == Expr.Cardinality.ONE_TO_MANY) {
                throw error(b.pos(), "vector matching only allowed between instant vectors");
            }
            m = null;
        } else if (b.op().isSetOperator()) {
            if (m.card() == Expr.Cardinality.ONE_TO_MANY || m.card() == Expr.Cardinality.MANY_TO_ONE) {
                throw error(b.pos(), "no grouping allowed for \"" + b.op().text() + "\" operation");
            }
            if (m.fill().any()) {
                throw error(b.pos(), "filling in missing series not allowed for set operators");
            }
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && b.op().isSetOperator()) {
            throw error(b.pos(), "set operator \"" + b.op().text() + "\" not allowed in binary scalar expression");
        }
        return new Expr.Binary(b.op(), b.lhs(), b.rhs(), m, b.returnBool(), b.pos());
    }

    private Expr parseUnary() {
        Token t = peek();
        if (t.kind() == Token.Kind.ADD || t.kind() == Token.Kind.SUB) {
            advance();
            Expr e = parseExpr(BinaryOp.POW.precedence());
            PosRange p = new PosRange(t.start(), e.pos().end());
            if (e instanceof Expr.NumberLiteral n) {
                return new Expr.NumberLiteral(t.kind() == Token.Kind.SUB ? -n.value() : n.value(), p);
            }
            if (e.type() != ValueType.SCALAR && e.type() != ValueType.VECTOR) {
                throw error(p, "unary expression only allowed on expressions of type scalar or instant vector, got \""
                        + e.type().text() + "\"");
            }
            return new Expr.Unary(t.kind() == Token.Kind.SUB, e, p);
        }
        return parsePostfix(parsePrimary());
    }

    private Expr parsePostfix(Expr e) {
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.LBRACKET) {
                e = parseRangeOrSubquery(e);
            } else if (t.is("offset")) {
                advance();
                DurationExpr off = durations.offset();
                e = applyOffset(e, off, new PosRange(e.pos().start(), lastEnd()), t);
            } else if (t.is("anchored") || t.is("smoothed")) {
                advance();
                e = applyModifier(e, t.is("anchored") ? Expr.SelectorModifier.ANCHORED
                        : Expr.SelectorModifier.SMOOTHED, t);
            } else if (t.kind() == Token.Kind.AT) {
                advance();
                e = parseAt(e, t);
            } else {
                return e;
            }
        }
    }

    private Expr parseAt(Expr e, Token atTok) {
        AtMode mode;
        long at = 0;
        Token t = peek();
        if (t.is("start") || t.is("end")) {
            advance();
            expect(Token.Kind.LPAREN, null);
            expect(Token.Kind.RPAREN, null);
            mode = t.is("start") ? AtMode.START : AtMode.END;
        } else {
            boolean neg = false;
            if (peek().kind() == Token.Kind.SUB || peek().kind() == Token.Kind.ADD) {
                neg = advance().kind() == Token.Kind.SUB;
            }
            Token n = peek();
            double v;
            if (n.kind() == Token.Kind.NUMBER) {
                v = parseNumber(advance());
            } else if (n.kind() == Token.Kind.DURATION) {
                v = Durations.parseMillisOrNull(advance().text()) / 1000.0;
            } else {
                throw error(n, "unexpected " + n.describe() + " in @, expected timestamp");
            }
            if (neg) {
                v = -v;
            }
            if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v * 1000) > Long.MAX_VALUE / 2.0) {
                throw error(e.pos(), "timestamp out of bounds for @ modifier: " + formatGo(v));
            }
            at = Math.round(v * 1000);
            mode = AtMode.TIMESTAMP;
        }
        PosRange p = new PosRange(e.pos().start(), lastEnd());
        if (e instanceof Expr.VectorSelector vs) {
            if (vs.atMode() != AtMode.NONE) {
                throw error(p, "@ <timestamp> may not be set multiple times");
            }
            return vs.withAt(mode, at, p);
        }
        if (e instanceof Expr.MatrixSelector ms) {
            if (ms.selector().atMode() != AtMode.NONE) {
                throw error(p, "@ <timestamp> may not be set multiple times");
            }
            return new Expr.MatrixSelector(ms.selector().withAt(mode, at, ms.selector().pos()), ms.rangeMs(),
                    ms.rangeExpr(), p);
        }
        if (e instanceof Expr.Subquery sq) {
            if (sq.atMode() != AtMode.NONE) {
                throw error(p, "@ <timestamp> may not be set multiple times");
            }
            return new Expr.Subquery(sq.expr(), sq.rangeMs(), sq.stepMs(), sq.offsetMs(), sq.offsetSet(), mode, at,
                    sq.durations(), p);
        }
        throw error(p, "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    private Expr applyOffset(Expr e, DurationExpr offExpr, PosRange p, Token offTok) {
        // A duration known at parse time is stored as milliseconds; one using step() or range() is
        // kept and resolved when the query runs.
        boolean deferred = offExpr.queryDependent();
        long off = deferred ? 0 : constantMillis(offExpr, true);
        DurationExpr kept = deferred ? offExpr : null;
        if (e instanceof Expr.VectorSelector vs) {
            if (vs.offsetSet()) {
                throw error(p, "offset may not be set multiple times");
            }
            return deferred ? vs.withOffsetExpr(kept, p) : vs.withOffset(off, p);
        }
        if (e instanceof Expr.MatrixSelector ms) {
            if (ms.selector().offsetSet()) {
                throw error(p, "offset may not be set multiple times");
            }
            Expr.VectorSelector sel = deferred ? ms.selector().withOffsetExpr(kept, ms.selector().pos())
                    : ms.selector().withOffset(off, ms.selector().pos());
            return new Expr.MatrixSelector(sel, ms.rangeMs(), ms.rangeExpr(), p);
        }
        if (e instanceof Expr.Subquery sq) {
            if (sq.offsetSet()) {
                throw error(p, "offset may not be set multiple times");
            }
            Expr.SubqueryDurations d = new Expr.SubqueryDurations(sq.durations().range(), sq.durations().step(), kept);
            return new Expr.Subquery(sq.expr(), sq.rangeMs(), sq.stepMs(), off, true, sq.atMode(), sq.atMs(), d, p);
        }
        throw error(p, "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    /** {@code anchored} / {@code smoothed}, with the checks of Prometheus's setAnchored/setSmoothed. */
    private Expr applyModifier(Expr e, Expr.SelectorModifier mod, Token kw) {
        String name = mod == Expr.SelectorModifier.ANCHORED ? "anchored" : "smoothed";
        if (!features.has(PromqlFeature.EXTENDED_RANGE_SELECTORS)) {
            throw error(e.pos(), name + " modifier is experimental and not enabled");
        }
        PosRange p = new PosRange(e.pos().start(), kw.end());
        Expr.VectorSelector vs = e instanceof Expr.VectorSelector v ? v
                : e instanceof Expr.MatrixSelector ms ? ms.selector() : null;
        if (vs == null) {
            throw error(e.pos(), e instanceof Expr.Subquery ? name + " modifier is not supported for subqueries"
                    : name + " modifier not implemented");
        }
        if (vs.modifier() != Expr.SelectorModifier.NONE && vs.modifier() != mod) {
            throw error(e.pos(), "anchored and smoothed modifiers cannot be used together");
        }
        if (e instanceof Expr.MatrixSelector ms) {
            return new Expr.MatrixSelector(vs.withModifier(mod, vs.pos()), ms.rangeMs(), ms.rangeExpr(), p);
        }
        return vs.withModifier(mod, p);
    }

    /** The value of a duration expression that does not depend on the query. */
    private long constantMillis(DurationExpr d, boolean allowNegative) {
        try {
            return DurationExprParser.millis(d, 0, 0, allowNegative);
        } catch (IllegalArgumentException ex) {
            String msg = ex.getMessage();
            throw error(d.pos(), msg.substring(msg.indexOf(": ") + 2));
        }
    }

    private Expr parseRangeOrSubquery(Expr e) {
        Token lb = advance();
        DurationExpr rangeExpr = durations.full("subquery or range selector");
        boolean rangeDeferred = rangeExpr.queryDependent();
        long range = rangeDeferred ? 0 : constantMillis(rangeExpr, false);
        if (peek().kind() == Token.Kind.COLON) {
            advance();
            long step = 0;
            DurationExpr stepExpr = null;
            if (peek().kind() != Token.Kind.RBRACKET) {
                DurationExpr s = durations.full("subquery step");
                if (s.queryDependent()) {
                    stepExpr = s;
                } else {
                    step = constantMillis(s, false);
                }
            }
            Token rb = expect(Token.Kind.RBRACKET, "subquery selector");
            PosRange p = new PosRange(e.pos().start(), rb.end());
            if (e.type() != ValueType.VECTOR) {
                String got = e.type() == ValueType.MATRIX ? "matrix" : e.type() == ValueType.VECTOR ? "vector"
                        : e.type().text();
                throw error(p, "subquery is only allowed on instant vector, got " + got + " instead");
            }
            return new Expr.Subquery(e, range, step, 0, false, AtMode.NONE, 0,
                    new Expr.SubqueryDurations(rangeDeferred ? rangeExpr : null, stepExpr, null), p);
        }
        Token rb = expect(Token.Kind.RBRACKET, "matrix selector");
        PosRange p = new PosRange(e.pos().start(), rb.end());
        PosRange bracket = new PosRange(lb.start(), rb.end());
        if (!(e instanceof Expr.VectorSelector vs)) {
            throw error(bracket, "ranges only allowed for vector selectors");
        }
        if (vs.offsetSet()) {
            throw error(bracket, "no offset modifiers allowed before range");
        }
        if (vs.atMode() != AtMode.NONE) {
            throw error(bracket, "no @ modifiers allowed before range");
        }
        return new Expr.MatrixSelector(vs, range, rangeDeferred ? rangeExpr : null, p);
    }

    private Expr parsePrimary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                advance();
                return new Expr.NumberLiteral(parseNumber(t), new PosRange(t.start(), t.end()));
            }
            case DURATION -> {
                advance();
                return new Expr.NumberLiteral(Durations.parseMillisOrNull(t.text()) / 1000.0,
                        new PosRange(t.start(), t.end()));
            }
            case STRING -> {
                advance();
                return new Expr.StringLiteral(t.text(), new PosRange(t.start(), t.end()));
            }
            case LPAREN -> {
                advance();
                if (peek().kind() == Token.Kind.RPAREN) {
                    throw unexpected(peek(), null);
                }
                Expr inner = parseExpr(0);
                Token r = expect(Token.Kind.RPAREN, "paren expression");
                return new Expr.Paren(inner, new PosRange(t.start(), r.end()));
            }
            case LBRACE -> {
                return parseSelector(null, t);
            }
            case IDENT, METRIC_IDENT -> {
                AggregateOp agg = t.kind() == Token.Kind.IDENT ? AggregateOp.byName(t.text()) : null;
                Token next = peek(1);
                if (agg != null && (next.kind() == Token.Kind.LPAREN || next.is("by") || next.is("without"))) {
                    return parseAggregate(agg);
                }
                boolean contextFunction = (t.is("start") || t.is("end")) && next.kind() == Token.Kind.LPAREN;
                if (t.kind() == Token.Kind.IDENT && t.isKeyword() && agg == null && !contextFunction
                        && (next.kind() == Token.Kind.LPAREN || binaryOp(t) != null)) {
                    throw unexpected(t, null);
                }
                if (next.kind() == Token.Kind.LPAREN && t.kind() == Token.Kind.IDENT) {
                    return parseCall();
                }
                advance();
                return parseSelector(t.text(), t);
            }
            default -> throw unexpected(t, null);
        }
    }

    double parseNumber(Token t) {
        String s = t.text().replace("_", "");
        if (s.equalsIgnoreCase("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            if (s.length() > 1 && s.charAt(0) == '0' && s.chars().allMatch(Character::isDigit)) {
                // Go's ParseInt with base 0 reads a leading zero as octal.
                try {
                    return Long.parseLong(s.substring(1), 8);
                } catch (NumberFormatException e) {
                    return Double.parseDouble(s);
                }
            }
            double d = Double.parseDouble(s);
            if (Double.isInfinite(d)) {
                throw error(t, "error parsing number: strconv.ParseFloat: parsing \"" + t.text() + "\": value out of range");
            }
            return d;
        } catch (NumberFormatException e) {
            throw error(t, "error parsing number: " + t.text());
        }
    }

    private Expr parseSelector(String name, Token first) {
        return parseSelector(name, first, false);
    }

    Expr parseSelector(String name, Token first, boolean allowEmpty) {
        List<LabelMatcher> matchers = new ArrayList<>();
        int end = first.end();
        String metricName = name;
        if (peek().kind() == Token.Kind.LBRACE) {
            advance();
            while (peek().kind() != Token.Kind.RBRACE) {
                Token lt = peek();
                String label;
                if (lt.kind() == Token.Kind.STRING) {
                    advance();
                    label = lt.text();
                    Token.Kind k = peek().kind();
                    if (k == Token.Kind.COMMA || k == Token.Kind.RBRACE) {
                        // A lone quoted string is the metric name: {"metric.name"}.
                        if (metricName != null) {
                            throw error(lt, "metric name must not be set twice: \"" + metricName + "\" or \"" + label + "\"");
                        }
                        metricName = label;
                        matchers.add(LabelMatcher.equal(Labels.METRIC_NAME, label));
                        if (k == Token.Kind.COMMA) {
                            advance();
                        }
                        continue;
                    }
                } else if (lt.kind() == Token.Kind.IDENT) {
                    advance();
                    label = lt.text();
                } else {
                    throw error(lt, "unexpected " + lt.describe() + " in label matching, expected identifier or \"}\"");
                }
                Token opTok = peek();
                if (opTok.kind() == Token.Kind.ASSIGN || opTok.kind() == Token.Kind.NEQ
                        || opTok.kind() == Token.Kind.EQL_REGEX || opTok.kind() == Token.Kind.NEQ_REGEX) {
                    advance();
                }
                LabelMatcher.Type type = switch (opTok.kind()) {
                    case ASSIGN -> LabelMatcher.Type.EQUAL;
                    case NEQ -> LabelMatcher.Type.NOT_EQUAL;
                    case EQL_REGEX -> LabelMatcher.Type.REGEX;
                    case NEQ_REGEX -> LabelMatcher.Type.NOT_REGEX;
                    default -> throw error(opTok, "unexpected " + opTok.describe() + " in label matching, expected label matching operator");
                };
                Token vt = peek();
                if (vt.kind() != Token.Kind.STRING) {
                    throw error(vt, "unexpected " + vt.describe() + " in label matching, expected string");
                }
                advance();
                try {
                    matchers.add(LabelMatcher.of(type, label, vt.text()));
                } catch (PatternSyntaxException e) {
                    throw error(vt, "invalid regular expression: " + e.getDescription());
                }
                if (peek().kind() == Token.Kind.COMMA) {
                    advance();
                } else if (peek().kind() != Token.Kind.RBRACE) {
                    throw error(peek(), "unexpected " + peek().describe() + " in label matching, expected \",\" or \"}\"");
                }
            }
            end = advance().end();
        }
        if (name != null) {
            for (LabelMatcher m : matchers) {
                if (m.name().equals(Labels.METRIC_NAME)) {
                    throw error(new PosRange(first.start(), end),
                            "metric name must not be set twice: \"" + name + "\" or \"" + m.value() + "\"");
                }
            }
            matchers.add(0, LabelMatcher.equal(Labels.METRIC_NAME, name));
        }
        PosRange p = new PosRange(first.start(), end);
        boolean anyNonEmpty = false;
        for (LabelMatcher m : matchers) {
            if (!m.matchesEmpty()) {
                anyNonEmpty = true;
                break;
            }
        }
        if (!anyNonEmpty && !allowEmpty) {
            throw error(p, "vector selector must contain at least one non-empty matcher");
        }
        return new Expr.VectorSelector(metricName, matchers, 0, false, AtMode.NONE, 0, p);
    }

    private List<String> parseLabelList() {
        if (peek().kind() != Token.Kind.LPAREN) {
            throw error(peek(), "unexpected " + peek().describe() + " in grouping opts, expected \"(\"");
        }
        advance();
        List<String> out = new ArrayList<>();
        while (peek().kind() != Token.Kind.RPAREN) {
            Token t = peek();
            if (t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.STRING) {
                advance();
                out.add(t.text());
            } else {
                throw error(t, "unexpected " + t.describe() + " in grouping opts, expected label");
            }
            if (peek().kind() == Token.Kind.COMMA) {
                advance();
            } else if (peek().kind() != Token.Kind.RPAREN) {
                throw error(peek(), "unexpected " + peek().describe() + " in grouping opts, expected \")\" or \",\"");
            }
        }
        advance();
        return out;
    }

    private Expr parseAggregate(AggregateOp op) {
        Token opTok = advance();
        List<String> grouping = List.of();
        boolean without = false;
        boolean groupingSet = false;
        if (peek().is("by") || peek().is("without")) {
            without = advance().is("without");
            grouping = parseLabelList();
            groupingSet = true;
        }
        Token lp = expect(Token.Kind.LPAREN, "aggregation");
        List<Expr> args = parseArgs();
        Token rp = expect(Token.Kind.RPAREN, "aggregation");
        int end = rp.end();
        if (peek().is("by") || peek().is("without")) {
            if (groupingSet) {
                throw unexpected(peek(), null);
            }
            without = advance().is("without");
            grouping = parseLabelList();
            end = lastEnd();
        }
        PosRange p = new PosRange(opTok.start(), end);
        if ((op == AggregateOp.LIMITK || op == AggregateOp.LIMIT_RATIO)
                && !features.has(PromqlFeature.EXPERIMENTAL_FUNCTIONS)) {
            throw error(p, op.text() + "() is experimental and must be enabled with --enable-feature="
                    + PromqlFeature.EXPERIMENTAL_FUNCTIONS.flag());
        }
        int want = op.paramType() == null ? 1 : 2;
        if (args.isEmpty()) {
            throw error(p, "no arguments for aggregate expression provided");
        }
        if (args.size() != want) {
            throw error(p, "wrong number of arguments for aggregate expression provided, expected " + want
                    + ", got " + args.size());
        }
        Expr param = want == 2 ? args.get(0) : null;
        Expr expr = args.get(want - 1);
        if (expr.type() != ValueType.VECTOR) {
            throw error(expr.pos(), "expected type instant vector in aggregation expression, got " + expr.type().text());
        }
        if (param != null && param.type() != op.paramType()) {
            throw error(param.pos(), "expected type " + op.paramType().text() + " in aggregation parameter, got "
                    + param.type().text());
        }
        if (lp == null) {
            throw new IllegalStateException();
        }
        return new Expr.Aggregate(op, expr, param, grouping, without, p);
    }

    private List<Expr> parseArgs() {
        List<Expr> args = new ArrayList<>();
        if (peek().kind() != Token.Kind.RPAREN) {
            args.add(parseExpr(0));
            while (peek().kind() == Token.Kind.COMMA) {
                Token comma = advance();
                if (peek().kind() == Token.Kind.RPAREN) {
                    throw error(comma, "trailing commas not allowed in function call args");
                }
                args.add(parseExpr(0));
            }
        }
        return args;
    }

    private Expr parseCall() {
        Token nameTok = advance();
        FunctionDef def = Functions.get(nameTok.text());
        if (def == null) {
            throw error(nameTok, "unknown function with name \"" + nameTok.text() + "\"");
        }
        if (def.experimental() && !features.has(PromqlFeature.EXPERIMENTAL_FUNCTIONS)) {
            throw error(nameTok, "function \"" + nameTok.text() + "\" is not enabled");
        }
        expect(Token.Kind.LPAREN, "function call");
        List<Expr> args = def.name().equals("info") ? InfoArgsParser.parse(this) : parseArgs();
        Token rp = expect(Token.Kind.RPAREN, "function call");
        PosRange p = new PosRange(nameTok.start(), rp.end());
        int n = def.argTypes().size();
        int got = args.size();
        String fname = "\"" + def.name() + "\"";
        if (def.variadic() == 0) {
            if (got != n) {
                throw error(p, "expected " + n + " argument(s) in call to " + fname + ", got " + got);
            }
        } else {
            int min = n - 1;
            if (got < min) {
                throw error(p, "expected at least " + min + " argument(s) in call to " + fname + ", got " + got);
            }
            if (def.variadic() > 0 && got > min + def.variadic()) {
                throw error(p, "expected at most " + (min + def.variadic()) + " argument(s) in call to " + fname
                        + ", got " + got);
            }
        }
        for (int a = 0; a < got; a++) {
            ValueType want = a < n ? def.argTypes().get(a) : def.argTypes().get(n - 1);
            Expr arg = args.get(a);
            if (arg.type() != want) {
                throw error(arg.pos(), "expected type " + want.text() + " in call to function " + fname + ", got "
                        + arg.type().text());
            }
        }
        return new Expr.Call(def, args, p);
    }

    /** Go's strconv.FormatFloat(v, 'f', -1, 64) rendering for messages. */
    static String formatGo(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
