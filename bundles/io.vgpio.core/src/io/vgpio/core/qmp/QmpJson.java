package io.vgpio.core.qmp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that QMP needs: one message (an object on one line) parsed into maps, lists, strings, numbers
 * (as text), booleans and null. Strict and bounded, since the other end is a socket: nesting deeper than
 * {@link #MAX_DEPTH} or anything that is not JSON is a {@link QmpException}, never a crash or a hang.
 */
final class QmpJson {
    static final int MAX_DEPTH = 32;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private int pos;

    private QmpJson(String text) {
        this.text = text;
    }

    /** Parses one JSON value that makes up all of {@code text} (surrounding white space aside). */
    static Object parse(String text) throws QmpException {
        QmpJson p = new QmpJson(text);
        Object v = p.value(0);
        p.space();
        if (p.pos != text.length()) {
            throw p.error("text after the message");
        }
        return v;
    }

    /** A JSON string literal of {@code s} (for commands we send). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private Object value(int depth) throws QmpException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        space();
        if (pos >= text.length()) {
            throw error("a value is missing");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws QmpException {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++; // {
        space();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("a member name is missing");
            }
            String key = string();
            space();
            expect(':');
            m.put(key, value(depth + 1));
            space();
            char c = next();
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array(int depth) throws QmpException {
        List<Object> l = new ArrayList<>();
        pos++; // [
        space();
        if (peek() == ']') {
            pos++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            char c = next();
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() throws QmpException {
        pos++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("a \\u escape is cut short");
                    }
                    try {
                        b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException bad) {
                        throw error("a bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("a bad escape");
            }
        }
    }

    private Object word(String word, Object value) throws QmpException {
        if (!text.startsWith(word, pos)) {
            throw error("a value is expected");
        }
        pos += word.length();
        return value;
    }

    /** A number, kept as its text: QMP's numbers are only shown, never computed with. */
    private String number() throws QmpException {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (!NUMBER.matcher(number).matches()) {
            throw error("a value is expected");
        }
        return number;
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() throws QmpException {
        if (pos >= text.length()) {
            throw error("the message ends early");
        }
        return text.charAt(pos);
    }

    private char next() throws QmpException {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) throws QmpException {
        if (next() != c) {
            throw error("'" + c + "' expected");
        }
    }

    private QmpException error(String what) {
        return new QmpException("bad QMP message at character " + pos + ": " + what);
    }
}
