package org.readiness.testing;

import java.util.Arrays;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the service logs, from every thread, while some work runs: one line per record, for tests that read the log. */
public final class CapturedLog {

    private CapturedLog() {
    }

    /** Each record logged during {@code work}: the logger's name, the message with its parameters, any exception. */
    public static List<String> during(Runnable work) {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + message(record)
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            work.run();
        } finally {
            root.removeHandler(capture);
        }
        return logged;
    }

    /** JBoss Logging's infof and the like leave a printf format and its parameters; others, parameters of another kind. */
    private static String message(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return String.valueOf(record.getMessage());
        }
        try {
            return String.format(record.getMessage(), parameters);
        } catch (IllegalFormatException | NullPointerException e) {
            return record.getMessage() + " " + Arrays.toString(parameters);
        }
    }
}
