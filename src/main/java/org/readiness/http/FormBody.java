package org.readiness.http;

import org.readiness.problem.Violation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body, read from its bytes with a strict decoder. The
 * framework's own form parser replaces bytes that are not text in the charset with U+FFFD, so that what was sent
 * is lost without a word; here they are a problem of the field, as malformed UTF-8 in a JSON body is.
 */
final class FormBody {

    static final String NOT_TEXT = "must be text in UTF-8: it holds bytes that are not";

    private FormBody() {
    }

    /** One problem per field whose value is not text in {@code charset}, or holds text that cannot be stored. */
    static List<Violation> unstorable(byte[] body, Charset charset) {
        Set<Violation> problems = new LinkedHashSet<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                field(body, start, i, charset, problems);
                start = i + 1;
            }
        }
        return new ArrayList<>(problems);
    }

    private static void field(byte[] body, int from, int to, Charset charset, Set<Violation> problems) {
        if (from >= to) {
            return;
        }
        int equals = from;
        while (equals < to && body[equals] != '=') {
            equals++;
        }
        // The name only labels the problem: read leniently, as the framework does.
        String name = new String(percentDecoded(body, from, equals), charset);
        try {
            String value = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(percentDecoded(body, Math.min(equals + 1, to), to))).toString();
            if (!BodyGuard.storable(value)) {
                problems.add(new Violation(name, BodyGuard.UNSTORABLE));
            }
        } catch (CharacterCodingException e) {
            problems.add(new Violation(name, charset.equals(StandardCharsets.UTF_8) ? NOT_TEXT
                    : "must be text in " + charset.name() + ": it holds bytes that are not"));
        }
    }

    /** "+" is a space and "%XY" the byte XY; a "%" not followed by two hex digits stands for itself. */
    private static byte[] percentDecoded(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
