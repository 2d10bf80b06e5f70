package org.readiness.comparison.export;

import java.util.List;

/**
 * One sheet of an export: a name, a header row and rows of cells. A cell is a {@link Number} (written as a
 * number), a {@link String} (written as text, neutralised) or null (empty). CSV writes the first table of a view;
 * XLSX writes each as a sheet.
 */
public record Table(String name, List<String> header, List<List<Object>> rows) {
}
