package org.readiness.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Form posts need the CSRF token that came with the page (quarkus-rest-csrf). */
@QuarkusTest
class CsrfTest {

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndWithItAccepted() {
        given().contentType(ContentType.URLENC).formParam("name", "x").post("/csrf-probe").then().statusCode(400);

        Response page = given().get("/csrf-probe");
        page.then().statusCode(200);
        String token = page.asString();
        String cookie = page.getCookie("csrf-token");
        given().contentType(ContentType.URLENC).cookie("csrf-token", cookie).formParam("name", "x")
                .post("/csrf-probe").then().statusCode(400);
        given().contentType(ContentType.URLENC).cookie("csrf-token", cookie).formParam("csrf-token", token)
                .formParam("name", "x").post("/csrf-probe").then().statusCode(200).body(equalTo("posted x"));
    }
}
