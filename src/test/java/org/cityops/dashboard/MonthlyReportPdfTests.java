package org.cityops.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF layout on its own: long rankings flow onto further pages instead of off the
 * first.
 */
class MonthlyReportPdfTests {

	@Test
	void aLongRankingBreaksOntoNewPagesAndLosesNoLine() throws Exception {
		List<Evaluation.Score> departments = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			departments.add(new Evaluation.Score("部门" + i + "号", i, Map.of(), 90.0 - i, "B", i));
		}
		List<Evaluation.Score> areas = List.of(new Evaluation.Score("桃浦西片区", 10, Map.of(), 88.5, "B", 1),
				new Evaluation.Score("桃浦东片区", 9, Map.of(), 71.0, "C", 2));
		List<Object[]> days = new ArrayList<>();
		for (int d = 1; d <= 30; d++) {
			days.add(new Object[] { d, (long) d, (long) (d / 2) });
		}
		List<Object[]> categories = List.<Object[]>of(new Object[] { "0101", "私搭乱建", 42L },
				new Object[] { "0102", "占道经营", 17L });
		CaseCounts counts = new CaseCounts(465, 460, 455, 5, 200, 260, 250, 255, 240, 250, 245, 430, 420, 12, 3, 100,
				200, 120, 10, 30, 4, 2);
		MonthlyReport.Data data = new MonthlyReport.Data(YearMonth.of(2026, 11), counts, counts.rates(), days,
				departments, areas, categories);

		try (PDDocument doc = Loader.loadPDF(MonthlyReport.pdf(data))) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(doc.getNumberOfPages()).isEqualTo(2);
			for (Evaluation.Score s : departments) {
				assertThat(text).contains(s.rank() + ". " + s.subject());
			}
			assertThat(text).contains("1. 桃浦西片区", "2. 桃浦东片区", "私搭乱建 (0101)  42", "占道经营 (0102)  17", "上报 465");
			// the first page ends with a department, the second starts with the rest
			PDFTextStripper second = new PDFTextStripper();
			second.setStartPage(2);
			assertThat(second.getText(doc)).contains("60. 部门60号", "片区综合得分").doesNotContain("每日上报");
		}
	}

}
