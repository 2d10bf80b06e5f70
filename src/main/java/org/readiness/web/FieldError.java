package org.readiness.web;

/**
 * One problem on a page and what the error summary links to: a field id on the same page, or (from the
 * check-your-answers page) the field on the theme page where the question is answered. An empty field links
 * nowhere: the error page lists a refused form's problems, whose fields are on the page the form came from.
 */
public record FieldError(String field, String text) {

    public String href() {
        return field.startsWith("/") ? field : "#" + field;
    }
}
