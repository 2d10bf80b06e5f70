package org.readiness.web;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.readiness.testing.Api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * A signed-in browser session for page tests: the form login's cookie and the CSRF cookie kept between requests,
 * redirects not followed (tests check them), and form posts carrying the CSRF token of the last page read.
 */
public final class WebSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    private String token;
    private Response signedIn;

    public static WebSession anonymous() {
        return new WebSession();
    }

    /** Signs in through the login form as {@code username} (password {@link Api#PASSWORD}). */
    public static WebSession signIn(String username) {
        WebSession s = new WebSession();
        s.signedIn = s.request().contentType(ContentType.URLENC).formParam("j_username", username)
                .formParam("j_password", Api.PASSWORD).post("/j_security_check");
        s.signedIn.then().statusCode(302);
        return s;
    }

    /** The answer to the sign-in: the cookies it set, as a copy of them would be taken. */
    Response signedIn() {
        return signedIn;
    }

    /** The CSRF token of the last page read. */
    String token() {
        return token;
    }

    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** A page; its CSRF token is kept for the next post. */
    public Response get(String path) {
        Response r = request().get(path);
        Matcher m = TOKEN.matcher(r.asString());
        if (m.find()) {
            token = m.group(1);
        }
        return r;
    }

    /** A form post with the CSRF token of the last page read. */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("csrf-token", token);
        return postWithout(path, all);
    }

    /**
     * A form post of a body encoded by hand, with the CSRF token added, sent as a browser sends a UTF-8 page's form:
     * no charset named (RestAssured would otherwise name ISO-8859-1), so that bytes that are not UTF-8 can be sent.
     */
    public Response postEncoded(String path, String body) {
        return request().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-www-form-urlencoded")
                .body(body + "&csrf-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).post(path);
    }

    /** A form post exactly as given: no CSRF token added. */
    public Response postWithout(String path, Map<String, String> form) {
        return request().contentType(ContentType.URLENC).formParams(form).post(path);
    }
}
