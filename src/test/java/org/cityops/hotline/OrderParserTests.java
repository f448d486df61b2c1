package org.cityops.hotline;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderParserTests {

	static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z"); // 14:00 in Shanghai

	static NewOrder order(String receivedAt, String type, String urgency, String confidential, String deadline) {
		return new NewOrder("SH-1", receivedAt, "张三", "138 1234 5678", type, urgency, "武威路1082弄", "垃圾未清运", confidential,
				deadline, null);
	}

	@Test
	void readsTheTimeFormatsTheCentreAndExcelUse() {
		Instant expected = Instant.parse("2026-11-20T01:30:00Z");
		for (String text : new String[] { "2026-11-20 09:30", "2026/11/20 9:30", "2026-11-20T09:30:00",
				"2026年11月20日 09:30", "2026-11-20T09:30:00+08:00", "2026-11-20T01:30:00Z", "2026-11-20 09:30:00" }) {
			assertThat(OrderParser.parse(order(text, "投诉", null, null, null), NOW).order().receivedAt()).as(text)
				.isEqualTo(expected);
		}
	}

	@Test
	void readsTypesUrgencyFlagsAndTimeLimitsInChineseOrEnglish() {
		ParsedOrder o = OrderParser.parse(order("2026-11-20 09:30", "HELP", "紧急", "是", "5个工作日"), NOW).order();
		assertThat(o.type()).isEqualTo(OrderType.HELP);
		assertThat(o.urgent()).isTrue();
		assertThat(o.confidential()).isTrue();
		assertThat(o.deadlineDays()).isEqualTo(5);
		assertThat(o.callerPhone()).isEqualTo("13812345678");
		ParsedOrder plain = OrderParser.parse(order("2026-11-20 09:30", "咨询", "", "否", "15"), NOW).order();
		assertThat(plain.type()).isEqualTo(OrderType.CONSULTATION);
		assertThat(plain.urgent()).isFalse();
		assertThat(plain.confidential()).isFalse();
		assertThat(plain.deadlineDays()).isEqualTo(15);
	}

	@Test
	void listsEveryProblemAtOnce() {
		OrderParser.Result result = OrderParser
			.parse(new NewOrder("有 空格", "2026-13-45", null, "abc", "表扬", "很急", null, " ", "也许", "100天", null), NOW);
		assertThat(result.ok()).isFalse();
		assertThat(result.problems()).hasSize(8)
			.anySatisfy((p) -> assertThat(p).startsWith("工单编号"))
			.anySatisfy((p) -> assertThat(p).startsWith("受理时间"))
			.anySatisfy((p) -> assertThat(p).startsWith("诉求类型"))
			.anySatisfy((p) -> assertThat(p).startsWith("紧急程度"))
			.anySatisfy((p) -> assertThat(p).startsWith("诉求内容"))
			.anySatisfy((p) -> assertThat(p).startsWith("联系电话"))
			.anySatisfy((p) -> assertThat(p).startsWith("是否保密"))
			.anySatisfy((p) -> assertThat(p).startsWith("办理时限"));
	}

	@Test
	void refusesTimesInTheFutureOrMoreThanAYearAgo() {
		assertThat(OrderParser.parse(order("2026-11-20 15:00", "投诉", null, null, null), NOW).problems())
			.anySatisfy((p) -> assertThat(p).contains("in the future"));
		assertThat(OrderParser.parse(order("2026-11-20 14:05", "投诉", null, null, null), NOW).ok()).isTrue();
		assertThat(OrderParser.parse(order("2025-11-01 09:00", "投诉", null, null, null), NOW).problems())
			.anySatisfy((p) -> assertThat(p).contains("more than a year ago"));
	}

}
