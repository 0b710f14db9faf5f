package io.vigia.dashboards.time;

/**
 * A time or range text that is not Grafana's grammar: where it went wrong (a 0-based index into
 * the text as typed) and what was expected there, so the range picker can point at it.
 */
public final class TimeSyntaxException extends IllegalArgumentException {
    private final String text;
    private final int position;
    private final String problem;

    public TimeSyntaxException(String text, int position, String problem) {
        super(problem + " (at character " + (position + 1) + " of \"" + text + "\")");
        this.text = text;
        this.position = position;
        this.problem = problem;
    }

    /** The whole text as typed. */
    public String text() {
        return text;
    }

    /** The 0-based index of the first character that does not fit. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** The same problem, {@code offset} characters further into a longer text (a part of "from to to"). */
    TimeSyntaxException within(String whole, int offset) {
        return new TimeSyntaxException(whole, position + offset, problem);
    }
}
