package org.readiness.comparison;

import org.readiness.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV and XLSX exports read back with an independent parser (Commons CSV) and Apache POI. */
@QuarkusTest
class ExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String EVIL_NAME = "=HYPERLINK(\"http://evil.example\",\"Click, me\")";

    private static ExtractableResponse<Response> comparison(String region, String accept) {
        return Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", region).accept(accept)
                .get("/api/v1/comparison").then().statusCode(200).extract();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    @Test
    void comparisonCsvIsRfc4180AndParsesBackToTheSameValues() throws IOException {
        String region = "+cmd " + Programme.newRegion();
        String evil = Programme.organisation(EVIL_NAME, region, "LOCAL_AUTHORITY");
        String plain = Programme.organisation("Åberdeen-ish Council, \"North\"", region, "OTHER");
        Programme.submit(evil, "2025-06", "-Justice", Programme.lead(3));
        Programme.submit(plain, "2025-06", null, Programme.lead(1));

        ExtractableResponse<Response> response = comparison(region, "text/csv");
        assertThat(response.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.header("Content-Disposition"))
                .matches("attachment; filename=\"readiness-comparison-nttp-readiness-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        String csv = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("record,organisation code,").contains("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");

        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(2 + 4);
        // Organisation rows come first (by name, in the database's collation), then the four cohort rows.
        CSVRecord first = records.get(0).get("organisation code").equals(evil) ? records.get(0) : records.get(1);
        CSVRecord second = first == records.get(0) ? records.get(1) : records.get(0);
        assertThat(first.get("record")).isEqualTo("organisation");
        assertThat(first.get("organisation code")).isEqualTo(evil);
        assertThat(first.get("organisation name")).isEqualTo("'" + EVIL_NAME);
        assertThat(first.get("region")).isEqualTo("'" + region);
        assertThat(first.get("scope")).isEqualTo("'-Justice");
        assertThat(first.get("dedicated-lead score")).isEqualTo("3");
        assertThat(first.get("dedicated-lead band")).isNotBlank();
        assertThat(first.get("period")).isEqualTo("2025-06");
        assertThat(first.get("note")).contains("not a league table");
        assertThat(second.get("organisation code")).isEqualTo(plain);
        assertThat(second.get("organisation name")).isEqualTo("Åberdeen-ish Council, \"North\"");
        assertThat(second.get("dedicated-lead score")).isEqualTo("1");
        assertThat(second.get("scope")).isEmpty();
        assertThat(records.get(2).get("record")).isEqualTo("cohort n");
        assertThat(records.get(2).get("dedicated-lead score")).isEqualTo("2");
        assertThat(records.get(4).get("record")).isEqualTo("cohort median");
        assertThat(records.get(4).get("dedicated-lead score")).isEmpty();
        assertThat(records.get(4).get("note")).contains("suppressed").contains("dedicated-lead");
    }

    @Test
    void comparisonXlsxReadsBackWithFrozenHeadersBandTextAndNeutralisedCells() throws IOException {
        String region = Programme.newRegion();
        for (int i = 0; i < 5; i++) {
            Programme.organisation("Council " + i, region, "LOCAL_AUTHORITY");
        }
        String evil = Programme.organisation(EVIL_NAME, region, "LOCAL_AUTHORITY");
        Programme.submit(evil, "2025-06", "@Education", Programme.lead(2));

        ExtractableResponse<Response> response = comparison(region, XLSX);
        assertThat(response.contentType()).isEqualTo(XLSX);
        assertThat(response.header("Content-Disposition")).endsWith(".xlsx\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("Comparison", "Cohort statistics", "About");
            for (Sheet sheet : book) {
                PaneInformation pane = sheet.getPaneInformation();
                assertThat(pane.isFreezePane()).as(sheet.getSheetName()).isTrue();
                assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
            }
            Sheet main = book.getSheet("Comparison");
            List<String> header = new ArrayList<>();
            main.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Row row = main.getRow(1);
            assertThat(row.getCell(header.indexOf("organisation name")).getStringCellValue()).isEqualTo("'" + EVIL_NAME);
            assertThat(row.getCell(header.indexOf("organisation name")).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(header.indexOf("scope")).getStringCellValue()).isEqualTo("'@Education");
            assertThat(row.getCell(header.indexOf("dedicated-lead score")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(header.indexOf("dedicated-lead score")).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(header.indexOf("dedicated-lead band")).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(header.indexOf("dedicated-lead band")).getStringCellValue())
                    .isIn("GETTING_STARTED", "DEVELOPING", "ESTABLISHED", "EMBEDDED");
            assertThat(row.getCell(header.indexOf("note")).getStringCellValue()).contains("self-assessment");
            Sheet about = book.getSheet("About");
            assertThat(about.getRow(1).getCell(1).getStringCellValue()).contains("not a league table");
            Sheet stats = book.getSheet("Cohort statistics");
            assertThat(stats.getRow(0).getCell(6).getStringCellValue()).isEqualTo("suppressed");
            assertThat(stats.getRow(1).getCell(6).getStringCellValue()).isEqualTo("yes");
        }
    }

    @Test
    void progressExportsCarryChangesAsNumbersAndTheNote() throws IOException {
        String code = Programme.organisation("-Minus Council", Programme.newRegion(), "LOCAL_AUTHORITY");
        Programme.submit(code, "2025-01", null, Programme.lead(3));
        Programme.submit(code, "2025-06", null, Programme.lead(1));

        ExtractableResponse<Response> csv = Api.analyst().accept("text/csv").get("/api/v1/organisations/" + code + "/progress")
                .then().statusCode(200).extract();
        assertThat(csv.header("Content-Disposition")).contains("readiness-progress-" + code + "-");
        List<CSVRecord> records = parse(new String(csv.asByteArray(), StandardCharsets.UTF_8));
        CSVRecord lead = records.stream().filter(r -> r.get("period").equals("2025-06")
                && r.get("enabler").equals("dedicated-lead")).findFirst().orElseThrow();
        assertThat(lead.get("organisation name")).isEqualTo("'-Minus Council");
        assertThat(lead.get("change since previous")).isEqualTo("-2");   // a number stays a number
        assertThat(lead.get("change since baseline")).isEqualTo("-2");
        assertThat(lead.get("note")).contains("not a league table");
        assertThat(records.stream().filter(r -> r.get("enabler").equals("overall")).count()).isEqualTo(2);

        byte[] xlsx = Api.analyst().accept(XLSX).get("/api/v1/organisations/" + code + "/progress")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("Progress", "Targets", "About");
            Sheet progress = book.getSheet("Progress");
            assertThat(progress.getPaneInformation().isFreezePane()).isTrue();
            List<String> header = new ArrayList<>();
            progress.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Row row = null;
            for (Row r : progress) {
                if (r.getRowNum() > 0 && r.getCell(header.indexOf("period")).getStringCellValue().equals("2025-06")
                        && r.getCell(header.indexOf("enabler")).getStringCellValue().equals("dedicated-lead")) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(header.indexOf("change since previous")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(header.indexOf("change since previous")).getNumericCellValue()).isEqualTo(-2.0);
            assertThat(row.getCell(header.indexOf("band")).getStringCellValue()).isNotBlank();
        }
    }
}
