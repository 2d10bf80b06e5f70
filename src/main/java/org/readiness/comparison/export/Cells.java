package org.readiness.comparison.export;

/**
 * Neutralises text that a spreadsheet would run as a formula (CSV and formula injection, OWASP): text starting
 * with =, +, -, @, a tab or a carriage return gets a single quote in front, so Excel, LibreOffice and Google
 * Sheets show it as text. Organisation names, regions and scopes are typed by users, so any of them could be
 * "=HYPERLINK(...)".
 * <p>
 * Only text is neutralised. Numbers (scores, changes such as -0.5) are written as numbers: in XLSX they are
 * numeric cells, which are never evaluated as formulas; in CSV a plain number like -0.5 is read as a number by
 * every spreadsheet, and quoting it would turn a negative change into text that no one can sum.
 */
public final class Cells {

    private Cells() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
