package org.cityops.hotline;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTests {

	@Test
	void readsQuotedCsvWithABomAndFieldNamesInEitherLanguage() {
		String csv = "\uFEFFnumber,受理时间,type,诉求内容,备注\r\n" + "A1,2026-11-20 09:30,投诉,\"噪音，\"\"很大\"\"\n夜里尤甚\",x\r\n\r\n"
				+ "A2,2026-11-20 10:00,咨询,问路,\r\n";
		Spreadsheet.Read read = Spreadsheet.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(read.problems()).isEmpty();
		assertThat(read.format()).isEqualTo("csv");
		assertThat(read.ignoredColumns()).containsExactly("备注");
		assertThat(read.rows()).containsOnlyKeys(2, 4);
		Map<String, String> first = read.rows().get(2);
		assertThat(first.get("content")).isEqualTo("噪音，\"很大\"\n夜里尤甚");
		assertThat(first.get("number")).isEqualTo("A1");
		assertThat(read.rows().get(4).get("type")).isEqualTo("咨询");
	}

	@Test
	void readsTabSeparatedText() {
		String tsv = "工单编号\t受理时间\t诉求类型\t诉求内容\nB1\t2026-11-20 09:30\t建议\t增设座椅\n";
		assertThat(Spreadsheet.read(tsv.getBytes(StandardCharsets.UTF_8)).rows().get(2).get("content"))
			.isEqualTo("增设座椅");
	}

	@Test
	void explainsWhatIsWrongWithAFileThatIsNotTheOrderSheet() {
		byte[] oldExcel = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThat(Spreadsheet.read(oldExcel).problems()).singleElement().asString().contains(".xls");
		assertThat(Spreadsheet.read("工单编号,受理时间,诉求类型,诉求内容\n".getBytes(StandardCharsets.UTF_8)).problems())
			.singleElement()
			.asString()
			.contains("no orders");
		StringBuilder many = new StringBuilder("工单编号,受理时间,诉求类型,诉求内容\n");
		for (int i = 0; i <= Spreadsheet.MAX_ROWS; i++) {
			many.append("N").append(i).append(",2026-11-20 09:30,投诉,x\n");
		}
		assertThat(Spreadsheet.read(many.toString().getBytes(StandardCharsets.UTF_8)).problems()).singleElement()
			.asString()
			.contains("more than 5000");
	}

}
