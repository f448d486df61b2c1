package org.cityops.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The one way CityOps reads and writes CSV, with Apache Commons CSV: RFC 4180 quoting (a
 * comma, a quote or a line break inside a quoted cell is text), a byte-order mark dropped
 * when reading and written first (Excel then opens the Chinese correctly), and a cell
 * that would start a formula in a spreadsheet written with an apostrophe in front.
 */
public final class Csv {

	/** How files are written: comma-separated, CRLF, quoted where needed. */
	public static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private Csv() {
	}

	/**
	 * The rows of a CSV text (comma-separated, or tab-separated when the first line has
	 * tabs and no commas), each as its cells; a blank line is a row of one empty cell, so
	 * that row numbers are those a spreadsheet shows. At most {@code maxRows}: more
	 * answers null.
	 */
	public static List<List<String>> read(String text, int maxRows) {
		String body = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		int firstLineEnd = body.indexOf('\n');
		String header = (firstLineEnd < 0) ? body : body.substring(0, firstLineEnd);
		char delimiter = (header.indexOf('\t') >= 0 && header.indexOf(',') < 0) ? '\t' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
			for (CSVRecord record : parser) {
				if (rows.size() >= maxRows) {
					return null;
				}
				rows.add(record.toList());
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IllegalArgumentException("The CSV file cannot be read: " + ex.getMessage(), ex);
		}
		return rows;
	}

	/** A printer of rows to {@code out}, in {@link #WRITE}'s format. */
	public static CSVPrinter printer(Appendable out) {
		try {
			return new CSVPrinter(out, WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The cell as a spreadsheet may show it: text, never a formula it would run. */
	public static String safe(String text) {
		if (text == null) {
			return "";
		}
		return (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

}
