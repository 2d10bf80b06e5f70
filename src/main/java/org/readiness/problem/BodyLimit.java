package org.readiness.problem;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.readiness.config.ReadinessConfig;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Stops reading a body that grows past {@code readiness.max-body-size} (413 problem+json). A body that declares
 * its length is refused before this, in HttpHardening; this catches those sent in chunks, whose size shows only
 * while they are read.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    // Looked up when a body is read: providers are made at static init, before the runtime configuration exists.
    @Inject
    Instance<ReadinessConfig> config;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream(), config.get().maxBodySize().asLongValue()));
        return context.proceed();
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The body may be at most " + limit + " bytes", List.of());
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
