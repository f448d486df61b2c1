package org.cityops.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cityops.catalog.Catalog;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.util.CellRangeAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly report: the month's case figures and rates, the daily trend, departments
 * and areas ranked by the evaluation, and the top categories — as an xlsx workbook with
 * native charts and as a PDF with the same charts drawn (Chinese in an embedded font).
 */
@Service
class MonthlyReport {

	/** The rows of the summary, in order: rate key, Chinese label. */
	static final List<String[]> RATES = List.of(new String[] { "registrationRate", "立案率" },
			new String[] { "onTimeRegistrationRate", "按时立案率" }, new String[] { "dispatchRate", "派遣率" },
			new String[] { "onTimeDispatchRate", "按时派遣率" }, new String[] { "handlingRate", "处置率" },
			new String[] { "onTimeHandlingRate", "按时处置率" }, new String[] { "verificationRate", "核查率" },
			new String[] { "closureRate", "结案率（标准流程）" }, new String[] { "onTimeClosureRate", "按时结案率" },
			new String[] { "reworkRate", "返工率" }, new String[] { "returnRate", "退回率" },
			new String[] { "simpleProcedureShare", "简易程序占比" });

	/** Noto Sans SC, downloaded by the build from the npm registry (see pom.xml). */
	static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

	private final CaseKpis kpis;

	private final Evaluation evaluation;

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final Names names;

	private final Clock clock;

	private final ZoneId zone;

	MonthlyReport(CaseKpis kpis, Evaluation evaluation, JdbcClient jdbc, Catalog catalog, Names names, Clock clock,
			@Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone) {
		this.names = names;
		this.kpis = kpis;
		this.evaluation = evaluation;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
		this.zone = zone;
	}

	/** What the report shows, read once for both formats. */
	public record Data(YearMonth month, CaseCounts counts, Map<String, Double> rates, List<Object[]> days,
			List<Evaluation.Score> departments, List<Evaluation.Score> areas, List<Object[]> categories) {
	}

	public YearMonth parse(String month) {
		YearMonth m;
		try {
			m = YearMonth.parse(month.strip());
		}
		catch (RuntimeException ex) {
			throw DashboardProblem.invalid("'" + month + "' is not a month like 2026-11");
		}
		if (m.getYear() < org.cityops.shared.Dates.FIRST.getYear()) {
			throw DashboardProblem.invalid("The month " + m + " is before the platform's first year, "
					+ org.cityops.shared.Dates.FIRST.getYear());
		}
		if (m.isAfter(YearMonth.from(LocalDate.ofInstant(this.clock.instant(), this.zone)))) {
			throw DashboardProblem.invalid("The month " + m + " has not begun; give this month or an earlier one");
		}
		return m;
	}

	public Data data(YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(this.zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
		KpiFilter filter = KpiFilter.period(from, to);
		CaseCounts counts = this.kpis.counts(filter);
		List<Object[]> days = new ArrayList<>();
		this.jdbc
			.sql("""
					with d as (select generate_series(cast(:first as date), cast(:last as date), interval '1 day')::date as day)
					select extract(day from d.day)::int,
					       (select count(*) from dash_case c where c.reported_at >= (d.day::timestamp at time zone :zone)
					           and c.reported_at < ((d.day + 1)::timestamp at time zone :zone)),
					       (select count(*) from dash_case c where c.closed_at >= (d.day::timestamp at time zone :zone)
					           and c.closed_at < ((d.day + 1)::timestamp at time zone :zone))
					  from d order by d.day""")
			.param("first", month.atDay(1).toString())
			.param("last", month.atEndOfMonth().toString())
			.param("zone", this.zone.getId())
			.query((rs) -> {
				days.add(new Object[] { rs.getInt(1), rs.getLong(2), rs.getLong(3) });
			});
		List<Object[]> categories = new ArrayList<>();
		this.kpis.countsBy("category_code", filter)
			.entrySet()
			.stream()
			.limit(10)
			.forEach((e) -> categories
				.add(new Object[] { e.getKey(), this.catalog.name(e.getKey()), e.getValue().reported() }));
		Map<String, String> departments = this.names.departments();
		return new Data(month, counts, counts.rates(), days, named(this.evaluation.departments(filter), departments),
				named(this.evaluation.areas(filter), this.names.areas()), categories);
	}

	/** The scores with their subjects' names in place of the codes. */
	private static List<Evaluation.Score> named(List<Evaluation.Score> scores, Map<String, String> names) {
		return scores.stream()
			.map((s) -> new Evaluation.Score(names.getOrDefault(s.subject(), s.subject()), s.cases(), s.indicators(),
					s.score(), s.grade(), s.rank()))
			.toList();
	}

	public byte[] xlsx(YearMonth month) {
		return xlsx(data(month));
	}

	static byte[] xlsx(Data d) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet s = wb.createSheet("概览");
			row(s, 0, "桃浦镇城市运行月报 " + d.month());
			row(s, 2, "指标", "数值");
			CaseCounts c = d.counts();
			Object[][] figures = { { "上报案件", c.reported() }, { "立案", c.registered() }, { "标准流程案件", c.standard() },
					{ "简易程序案件", c.simple() }, { "结案", c.closed() }, { "在办", c.open() }, { "超期在办", c.openOverdue() },
					{ "督办在办", c.openSupervised() } };
			int r = 3;
			for (Object[] f : figures) {
				row(s, r++, f);
			}
			for (String[] rate : RATES) {
				Double v = d.rates().get(rate[0]);
				row(s, r++, rate[1] + " (%)", (v != null) ? v : "—");
			}
			s.setColumnWidth(0, 20 * 256);
			XSSFSheet t = wb.createSheet("每日趋势");
			row(t, 0, "日", "上报", "结案");
			for (int i = 0; i < d.days().size(); i++) {
				row(t, i + 1, d.days().get(i));
			}
			chart(t, ChartTypes.LINE, "每日上报与结案", d.days().size(), new int[] { 1, 2 }, 4);
			XSSFSheet dep = wb.createSheet("部门考评");
			scores(dep, "部门", d.departments());
			XSSFSheet area = wb.createSheet("片区考评");
			scores(area, "片区", d.areas());
			XSSFSheet cat = wb.createSheet("案件类别");
			row(cat, 0, "类别代码", "类别", "上报");
			for (int i = 0; i < d.categories().size(); i++) {
				row(cat, i + 1, d.categories().get(i));
			}
			if (!d.categories().isEmpty()) {
				chart(cat, ChartTypes.BAR, "上报最多的类别", d.categories().size(), new int[] { 2 }, 4);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void scores(XSSFSheet s, String subject, List<Evaluation.Score> scores) {
		row(s, 0, "排名", subject, "案件", "得分", "等级");
		for (int i = 0; i < scores.size(); i++) {
			Evaluation.Score e = scores.get(i);
			row(s, i + 1, e.rank(), e.subject(), e.cases(), (e.score() != null) ? e.score() : "—",
					(e.grade() != null) ? e.grade() : "—");
		}
		if (!scores.isEmpty()) {
			chart(s, ChartTypes.BAR, subject + "综合得分", scores.size(), new int[] { 3 }, 6);
		}
	}

	private static void row(XSSFSheet s, int index, Object... values) {
		XSSFRow row = s.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			if (v instanceof Number n) {
				row.createCell(i).setCellValue(n.doubleValue());
			}
			else {
				row.createCell(i).setCellValue(String.valueOf(v));
			}
		}
	}

	/** A native chart of columns {@code series} against column before them, rows 1..n. */
	private static void chart(XSSFSheet s, ChartTypes type, String title, int n, int[] series, int col) {
		XSSFDrawing drawing = s.createDrawingPatriarch();
		XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col, 1, col + 10, 22));
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
		XDDFChartData data = chart.createData(type, x, y);
		int label = (type == ChartTypes.LINE) ? 0 : series[0] - 2;
		var categories = XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(1, n, label, label));
		for (int column : series) {
			var values = XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(1, n, column, column));
			XDDFChartData.Series one = data.addSeries(categories, values);
			one.setTitle(s.getRow(0).getCell(column).getStringCellValue(), null);
		}
		if (data instanceof XDDFBarChartData bar) {
			bar.setBarDirection(BarDirection.COL);
		}
		chart.plot(data);
	}

	public byte[] pdf(YearMonth month) {
		return pdf(data(month));
	}

	static byte[] pdf(Data d) {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDType0Font font;
			try (InputStream in = MonthlyReport.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException(FONT + " is missing: it is downloaded by the build (pom.xml)");
				}
				font = PDType0Font.load(doc, in, true);
			}
			try (Pdf pdf = new Pdf(doc, font)) {
				pdf.text(50, 18, "桃浦镇城市运行月报 " + d.month());
				pdf.skip(30);
				CaseCounts c = d.counts();
				pdf.text(50, 11, "上报 " + c.reported() + "    立案 " + c.registered() + "（标准流程 " + c.standard() + "，简易程序 "
						+ c.simple() + "）    结案 " + c.closed() + "    在办 " + c.open() + "    超期在办 " + c.openOverdue());
				pdf.skip(25);
				for (int i = 0; i < RATES.size(); i++) {
					String[] rate = RATES.get(i);
					Double v = d.rates().get(rate[0]);
					if (i % 3 == 0 && i > 0) {
						pdf.skip(18);
					}
					pdf.text(50 + (i % 3) * 170, 10, rate[1] + "  " + ((v != null) ? v + "%" : "—"));
				}
				pdf.skip(40);
				pdf.text(50, 12, "每日上报（柱）与结案（线）");
				pdf.trend(50, 495, 135, d.days());
				pdf.skip(30);
				pdf.text(50, 12, "部门综合得分");
				pdf.bars(50, 495, d.departments());
				pdf.skip(25);
				pdf.need(40);
				pdf.text(50, 12, "片区综合得分");
				pdf.bars(50, 495, d.areas());
				pdf.skip(25);
				pdf.need(40);
				pdf.text(50, 12, "上报最多的类别");
				pdf.skip(16);
				for (Object[] cat : d.categories()) {
					pdf.need(13);
					pdf.text(60, 9, cat[1] + " (" + cat[0] + ")  " + cat[2]);
					pdf.skip(13);
				}
			}
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PDF written top to bottom on A4 pages: a new page starts when what comes next
	 * does not fit above the bottom margin.
	 */
	private static final class Pdf implements Closeable {

		private static final float TOP = PDRectangle.A4.getHeight() - 50;

		private static final float BOTTOM = 45;

		private final PDDocument doc;

		private final PDType0Font font;

		private PDPageContentStream p;

		/** The baseline of the next line. */
		private float y;

		Pdf(PDDocument doc, PDType0Font font) throws IOException {
			this.doc = doc;
			this.font = font;
			newPage();
		}

		private void newPage() throws IOException {
			if (this.p != null) {
				this.p.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			this.doc.addPage(page);
			this.p = new PDPageContentStream(this.doc, page);
			this.y = TOP;
		}

		/** Starts a new page unless {@code height} more fits on this one. */
		void need(float height) throws IOException {
			if (this.y - height < BOTTOM) {
				newPage();
			}
		}

		void skip(float height) {
			this.y -= height;
		}

		void text(float x, float size, String s) throws IOException {
			text(x, this.y, size, s);
		}

		private void text(float x, float y, float size, String s) throws IOException {
			this.p.beginText();
			this.p.setFont(this.font, size);
			this.p.newLineAtOffset(x, y);
			this.p.showText(s);
			this.p.endText();
		}

		/**
		 * Daily reported (bars) and closed (line), {@code h} high below the current line.
		 */
		void trend(float x, float w, float h, List<Object[]> days) throws IOException {
			need(h + 30);
			float y = this.y - h - 15;
			long max = 1;
			for (Object[] d : days) {
				max = Math.max(max, Math.max((Long) d[1], (Long) d[2]));
			}
			this.p.setStrokingColor(0.6f, 0.6f, 0.6f);
			this.p.moveTo(x, y);
			this.p.lineTo(x + w, y);
			this.p.stroke();
			float step = w / Math.max(1, days.size());
			this.p.setNonStrokingColor(0.26f, 0.52f, 0.96f);
			for (int i = 0; i < days.size(); i++) {
				float bh = h * (Long) days.get(i)[1] / max;
				this.p.addRect(x + i * step + 1, y, step - 2, bh);
			}
			this.p.fill();
			this.p.setStrokingColor(0.9f, 0.4f, 0.1f);
			this.p.setLineWidth(1.5f);
			for (int i = 0; i < days.size(); i++) {
				float px = x + i * step + step / 2;
				float py = y + h * (Long) days.get(i)[2] / max;
				if (i == 0) {
					this.p.moveTo(px, py);
				}
				else {
					this.p.lineTo(px, py);
				}
			}
			this.p.stroke();
			this.p.setNonStrokingColor(0, 0, 0);
			text(x, y - 11, 7, "1");
			text(x + w - 10, y - 11, 7, String.valueOf(days.size()));
			text(x - 18, y + h - 3, 7, String.valueOf(max));
			this.y = y - 11;
		}

		/**
		 * One bar per subject, its rank, name, score and grade; pages break between bars.
		 */
		void bars(float x, float w, List<Evaluation.Score> scores) throws IOException {
			skip(4);
			for (Evaluation.Score s : scores) {
				need(14);
				this.y -= 14;
				double score = (s.score() != null) ? s.score() : 0;
				this.p.setNonStrokingColor(0.2f, 0.6f, 0.4f);
				this.p.addRect(x + 175, this.y, (float) ((w - 245) * score / 100), 10);
				this.p.fill();
				this.p.setNonStrokingColor(0, 0, 0);
				text(x, this.y + 1, 8, s.rank() + ". " + s.subject());
				text(x + w - 60, this.y + 1, 8,
						((s.score() != null) ? s.score() : "—") + " " + ((s.grade() != null) ? s.grade() : ""));
			}
		}

		@Override
		public void close() throws IOException {
			this.p.close();
		}

	}

}
