package org.cityops.hotline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the hotline centre's order sheet: an .xlsx workbook (first sheet) or a CSV file
 * in UTF-8 or GB18030 (as Excel saves it in China). The first row names the columns, in
 * Chinese or by the API's field names; each later row becomes a map from field name to
 * text.
 */
final class Spreadsheet {

	/** Field names and the headers that mean them, the first being the template's. */
	static final Map<String, List<String>> COLUMNS = columns();

	static final List<String> REQUIRED = List.of("number", "receivedAt", "type", "content");

	static final int MAX_ROWS = 5000;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private Spreadsheet() {
	}

	/**
	 * The rows (1-based row number as in the file → fields), or why the file is unusable.
	 */
	record Read(String format, Map<Integer, Map<String, String>> rows, List<String> ignoredColumns,
			List<String> problems) {
	}

	private static Map<String, List<String>> columns() {
		Map<String, List<String>> c = new LinkedHashMap<>();
		c.put("number", List.of("工单编号", "工单号", "number"));
		c.put("receivedAt", List.of("受理时间", "来电时间", "receivedAt"));
		c.put("callerName", List.of("来电人", "来电人姓名", "姓名", "callerName"));
		c.put("callerPhone", List.of("联系电话", "来电号码", "电话", "callerPhone"));
		c.put("type", List.of("诉求类型", "类型", "type"));
		c.put("urgency", List.of("紧急程度", "urgency"));
		c.put("address", List.of("诉求地址", "事发地址", "地址", "address"));
		c.put("content", List.of("诉求内容", "内容", "content"));
		c.put("confidential", List.of("是否保密", "保密", "confidential"));
		c.put("deadlineClass", List.of("办理时限", "时限", "deadlineClass"));
		c.put("centreCategory", List.of("热线分类", "诉求分类", "centreCategory"));
		return c;
	}

	static Read read(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return failed("?", "The file is empty");
		}
		// the header checks need 8 bytes; anything shorter can only be text
		if (bytes.length >= 8 && ReadableWorkbook.isOOXMLZipHeader(bytes)) {
			return xlsx(bytes);
		}
		if (bytes.length >= 8 && ReadableWorkbook.isOLE2Header(bytes)) {
			return failed("xls", "This is an old Excel file (.xls); save it as .xlsx or CSV and upload that");
		}
		String text = text(bytes);
		if (text == null) {
			return failed("?", "The file is neither an Excel workbook (.xlsx) nor a CSV text file");
		}
		return csv(text);
	}

	private static Read xlsx(byte[] bytes) {
		List<List<String>> table = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
				new ReadingOptions(true, false)); Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			for (Row row : (Iterable<Row>) rows::iterator) {
				if (row.getRowNum() > MAX_ROWS + 1) {
					return failed("xlsx",
							"The sheet has more than " + MAX_ROWS + " orders; split it into several files");
				}
				while (table.size() < row.getRowNum() - 1) {
					table.add(List.of());
				}
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(cellText(row.getCell(i)));
				}
				table.add(cells);
			}
		}
		catch (IOException | RuntimeException ex) {
			return failed("xlsx", "The Excel file cannot be read (" + ex.getClass().getSimpleName()
					+ "); open it in Excel, save it again as .xlsx and retry");
		}
		return table("xlsx", table);
	}

	private static String cellText(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER && cell.getDataFormatString() != null
				&& cell.getDataFormatString().matches(".*[ymdhs].*")) {
			return cell.asDate().format(LOCAL);
		}
		if (cell.getType() == CellType.NUMBER) {
			return cell.asNumber().stripTrailingZeros().toPlainString();
		}
		return cell.getText();
	}

	/** The text of a CSV file, or null when it is binary. */
	private static String text(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return null;
			}
		}
		String text = decode(bytes, StandardCharsets.UTF_8);
		if (text == null) {
			text = decode(bytes, Charset.forName("GB18030"));
		}
		if (text != null && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		return text;
	}

	private static String decode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static Read csv(String text) {
		List<List<String>> table;
		try {
			table = org.cityops.shared.Csv.read(text, MAX_ROWS + 1);
		}
		catch (IllegalArgumentException ex) {
			return failed("csv", "The CSV file is broken (a quote that is never closed?); save it again from Excel");
		}
		if (table == null) {
			return failed("csv", "The file has more than " + MAX_ROWS + " orders; split it into several files");
		}
		return table("csv", table);
	}

	private static Read table(String format, List<List<String>> table) {
		if (table.isEmpty()) {
			return failed(format, "The file is empty");
		}
		List<String> header = table.get(0);
		Map<Integer, String> fieldAt = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip();
			String field = COLUMNS.entrySet()
				.stream()
				.filter((e) -> e.getValue().stream().anyMatch((alias) -> alias.equalsIgnoreCase(name)))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
			if (field != null && !fieldAt.containsValue(field)) {
				fieldAt.put(i, field);
			}
			else if (!name.isEmpty()) {
				ignored.add(name);
			}
		}
		List<String> missing = REQUIRED.stream()
			.filter((f) -> !fieldAt.containsValue(f))
			.map((f) -> COLUMNS.get(f).get(0))
			.toList();
		if (!missing.isEmpty()) {
			return failed(format,
					"The first row lacks the columns " + String.join(", ", missing) + "; it has: "
							+ String.join(", ", header.stream().map(String::strip).filter((h) -> !h.isEmpty()).toList())
							+ ". Download the template and copy the orders into it");
		}
		Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
		for (int r = 1; r < table.size(); r++) {
			List<String> cells = table.get(r);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> fields = new LinkedHashMap<>();
			fieldAt.forEach((i, field) -> fields.put(field, (i < cells.size()) ? cells.get(i) : ""));
			rows.put(r + 1, fields);
		}
		if (rows.isEmpty()) {
			return failed(format, "The file has a header row but no orders");
		}
		return new Read(format, rows, ignored, List.of());
	}

	private static Read failed(String format, String problem) {
		return new Read(format, Map.of(), List.of(), List.of(problem));
	}

}
