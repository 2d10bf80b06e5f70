package org.readiness.http;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route template (/api/v1/assessments/{id}) of a request path, from the endpoints' own @Path annotations.
 * Quarkus names a request in the http_server_requests meters by its route once the request reaches its endpoint;
 * one answered before that (HttpHardening: a lock-out, a cross-site write, a body too large) would be named by its
 * raw path, ids and organisation codes included: a series per assessment, and a list of them for whoever reads the
 * metrics. {@link #name} gives such an answer its route's name instead, or {@value #UNMATCHED} when it has none.
 */
@ApplicationScoped
public class RouteTemplates {

    static final String UNMATCHED = "UNMATCHED";
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*(?::\\s*([^}]+))?}");

    /** A route: its template as the meters show it, the paths it matches, and how many literal segments it has. */
    record Route(String template, Pattern matches, long literals) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /** Names the meter of a request answered before it reached an endpoint by the route its path belongs to. */
    public void name(RoutingContext request) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(request);
        if (metric != null) {
            metric.setTemplatePath(of(request.normalizedPath()));
        }
    }

    /** The template of the most specific route that matches {@code path} (most literal segments), or UNMATCHED. */
    public String of(String path) {
        String normalised = path == null || path.isEmpty() ? "/" : path.replaceAll("/+$", "");
        return routes().stream().filter(r -> r.matches().matcher(normalised).matches()).findFirst()
                .map(Route::template).orElse(UNMATCHED);
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Class<?>> resources = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(Bean::getBeanClass)
                    .filter(c -> c.isAnnotationPresent(Path.class)).distinct().toList();
            routes = of(resources);
        }
        return routes;
    }

    /** Every route of the endpoints of these JAX-RS resource classes, most specific first. */
    static List<Route> of(List<Class<?>> resources) {
        List<Route> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                if (Arrays.stream(m.getAnnotations()).anyMatch(RouteTemplates::httpMethod)) {
                    Path sub = m.getAnnotation(Path.class);
                    found.add(route(sub == null ? base : base + "/" + sub.value()));
                }
            }
        }
        Map<String, Route> byTemplate = new TreeMap<>();
        found.forEach(r -> byTemplate.putIfAbsent(r.template(), r));
        return byTemplate.values().stream().sorted(Comparator.comparingLong(Route::literals).reversed()).toList();
    }

    private static boolean httpMethod(Annotation a) {
        return a.annotationType().isAnnotationPresent(HttpMethod.class);
    }

    static Route route(String path) {
        String clean = ("/" + path).replaceAll("/+", "/").replaceAll("(?<=.)/$", "");
        StringBuilder regex = new StringBuilder();
        StringBuilder template = new StringBuilder();
        Matcher m = PARAMETER.matcher(clean);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(clean.substring(at, m.start())))
                    .append(m.group(2) == null ? "[^/]+" : "(?:" + m.group(2).trim() + ")");
            template.append(clean, at, m.start()).append('{').append(m.group(1)).append('}');
            at = m.end();
        }
        regex.append(Pattern.quote(clean.substring(at)));
        template.append(clean.substring(at));
        long literals = Arrays.stream(clean.split("/")).filter(s -> !s.isEmpty() && !s.contains("{")).count();
        return new Route(template.toString(), Pattern.compile(regex.toString()), literals);
    }
}
