package org.readiness.web;

/**
 * One problem on a page and what the error summary links to: a field id on the same page, or (from the
 * check-your-answers page) the field on the theme page where the question is answered.
 */
public record FieldError(String field, String text) {

    public String href() {
        return field.startsWith("/") ? field : "#" + field;
    }
}
