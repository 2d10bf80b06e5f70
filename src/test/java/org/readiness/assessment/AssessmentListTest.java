package org.readiness.assessment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /assessments: filters, pages and their validation. */
@QuarkusTest
class AssessmentListTest {

    @Test
    void filtersByOrganisationAndStatusNewestFirst() {
        String code = Api.createOrganisation();
        String first = Api.createDraft(code);
        String second = Api.createDraft(code);
        String third = Api.createDraft(code);
        Api.putAnswers(second, Api.CRITICAL_ANSWERS).then().statusCode(200);
        Api.submit(second).then().statusCode(201);

        Api.analyst().get("/api/v1/assessments?organisation=" + code).then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.id", contains(third, second, first))
                .body("items.organisation", everyItem(equalTo(code)));
        Api.analyst().get("/api/v1/assessments?organisation=" + code + "&status=SUBMITTED").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(second))
                .body("items[0].result.band", notNullValue())
                .body("items[0].result.href", equalTo("/api/v1/assessments/" + second + "/result"));
        Api.analyst().get("/api/v1/assessments?organisation=" + code + "&status=DRAFT").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(third, first));
        Api.analyst().get("/api/v1/assessments?status=DRAFT").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2)).body("items.status", everyItem(equalTo("DRAFT")));
    }

    @Test
    void pagesThroughAllItemsOnce() {
        String code = Api.createOrganisation();
        for (int i = 0; i < 5; i++) {
            Api.createDraft(code);
        }
        List<String> page0 = Api.analyst().get("/api/v1/assessments?organisation=" + code + "&size=2&page=0")
                .then().statusCode(200).body("total", equalTo(5)).body("size", equalTo(2)).body("items", hasSize(2))
                .extract().path("items.id");
        List<String> page1 = Api.analyst().get("/api/v1/assessments?organisation=" + code + "&size=2&page=1")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("items.id");
        List<String> page2 = Api.analyst().get("/api/v1/assessments?organisation=" + code + "&size=2&page=2")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items.id");
        Api.analyst().get("/api/v1/assessments?organisation=" + code + "&size=2&page=3")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(5));
        assertEquals(5, java.util.stream.Stream.of(page0, page1, page2).flatMap(List::stream).distinct().count());
        Api.analyst().get("/api/v1/assessments?organisation=" + code + "&size=100").then().statusCode(200).body("items", hasSize(5));
    }

    @Test
    void anUnknownOrganisationGivesAnEmptyPage() {
        Api.analyst().get("/api/v1/assessments?organisation=S99999998").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void refusesInvalidParametersListingEach() {
        Api.analyst().get("/api/v1/assessments?status=OPEN&page=-1&size=101").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("status", "page", "size"));
        Api.analyst().get("/api/v1/assessments?size=0").then().statusCode(400).body("errors.pointer", contains("size"));
        Api.analyst().get("/api/v1/assessments?page=one").then().statusCode(400).body("errors.pointer", contains("page"));
        Api.analyst().get("/api/v1/assessments?status=submitted").then().statusCode(400).body("errors.pointer", contains("status"));
        Api.analyst().get("/api/v1/assessments?page=99999999999").then().statusCode(400).body("errors.pointer", contains("page"));
    }
}
