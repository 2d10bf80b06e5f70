package org.readiness.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of passwords set through the users API and READINESS_ADMIN_PASSWORD: 12 characters or more, not all white
 * space, and at most 72 bytes in UTF-8, because bcrypt reads no further: two passwords that share their first 72 bytes
 * would otherwise both sign in (VerifiedCredentials refuses longer ones at sign-in). The demo users' "demo" is set by
 * the seeds, which do not pass through here.
 */
public final class Passwords {

    static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /** What is wrong with a password to be set (none when it may be used), without repeating it. */
    public static List<String> problems(String password) {
        List<String> problems = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters");
        }
        boolean blank = password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
        if (blank && !password.isEmpty()) {
            problems.add("must not be all white space");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("must be at most " + MAX_BYTES + " bytes in UTF-8 (" + MAX_BYTES
                    + " ASCII characters, fewer with accents or other scripts): bcrypt reads no further");
        }
        return problems;
    }
}
