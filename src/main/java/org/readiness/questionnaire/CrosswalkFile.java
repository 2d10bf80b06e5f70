package org.readiness.questionnaire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** The shape of a file under questionnaires/crosswalks/, as written by its authors (docs/questionnaire-format.md#crosswalks). */
@JsonIgnoreProperties(ignoreUnknown = false)
record CrosswalkFile(String questionnaire, Integer from, Integer to, List<ItemFile> items, List<RetiredFile> retired) {

    /** An item of the {@code to} version and the items of the {@code from} version it comes from. */
    record ItemFile(String item, String kind, List<String> from, String note) {
    }

    /** An item of the {@code from} version that no item of the {@code to} version keeps as {@code same}. */
    record RetiredFile(String item, List<String> into, String note) {
    }
}
