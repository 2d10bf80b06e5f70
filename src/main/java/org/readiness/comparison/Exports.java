package org.readiness.comparison;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.readiness.audit.ActivityLog;
import org.readiness.comparison.export.Csv;
import org.readiness.comparison.export.Table;
import org.readiness.comparison.export.Xlsx;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Content negotiation of the comparison and progress views, chosen here rather than by three JAX-RS methods so
 * that a client that accepts anything (no Accept, or *&#47;*) always gets JSON, whatever order the framework
 * would try the methods in. Exports get a download name that says what and when, and an audit row each.
 */
public final class Exports {

    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    static final MediaType CSV = MediaType.valueOf(Csv.MEDIA_TYPE);
    static final MediaType XLSX = MediaType.valueOf(Xlsx.MEDIA_TYPE);

    private Exports() {
    }

    /** JSON, CSV or XLSX: the first the client accepts, in its order of preference; 406 for none of them. */
    static MediaType choose(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (MediaType offered : List.of(JSON, CSV, XLSX)) {
                if (accepted.isCompatible(offered)) {
                    return offered;
                }
            }
        }
        throw new NotAcceptableException("Available as application/json, text/csv and " + Xlsx.MEDIA_TYPE);
    }

    /**
     * How a file export is recorded in the audit log before the file is made: {@code action.csv} or
     * {@code action.xlsx} on {@code target}, with a digest of the filters behind it.
     */
    public record Audit(ActivityLog log, String action, String target, Object filters) {
        void exported(String format) {
            log.record(action, format, target, null, filters);
        }
    }

    static Response respond(HttpHeaders headers, Supplier<Object> json, Supplier<Table> csv,
                            Supplier<List<Table>> xlsx, String name, Audit audit) {
        MediaType type = choose(headers);
        if (type == JSON) {
            return Response.ok(json.get(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return download(type == XLSX, csv, xlsx, name, audit);
    }

    /** The CSV or XLSX file for a download link of the web pages, which cannot choose by Accept header. */
    public static Response download(boolean xlsx, Supplier<Table> csv, Supplier<List<Table>> sheets, String name,
                                    Audit audit) {
        audit.exported(xlsx ? "xlsx" : "csv");
        return xlsx ? file(Xlsx.write(sheets.get()), Xlsx.MEDIA_TYPE, name, "xlsx")
                : file(Csv.write(csv.get()), Csv.MEDIA_TYPE + ";charset=UTF-8", name, "csv");
    }

    private static Response file(byte[] body, String mediaType, String name, String extension) {
        String filename = name.replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + LocalDate.now(ZoneOffset.UTC) + "." + extension;
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
