package org.cityops.hotline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an order from the hotline centre and lists every problem at once, in words an
 * operator can act on. The same rules serve the API and each spreadsheet row.
 */
final class OrderParser {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");

	private static final Pattern DAYS = Pattern.compile("(\\d{1,2})\\s*(个?工作日|wd|WD|d|天)?");

	private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy-M-d'T'H:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy年M月d日H时m分"));

	private static final Set<String> YES = Set.of("是", "true", "1", "y", "yes", "保密");

	private static final Set<String> NO = Set.of("否", "false", "0", "n", "no", "");

	/** How far ahead of our clock a received time may be (clocks differ a little). */
	private static final Duration FUTURE_SLACK = Duration.ofMinutes(10);

	/** How old an order may be when it arrives. */
	private static final Duration OLDEST = Duration.ofDays(366);

	private OrderParser() {
	}

	/** The parsed order, or the problems found (never both). */
	record Result(ParsedOrder order, List<String> problems) {

		boolean ok() {
			return this.order != null;
		}

	}

	static Result parse(NewOrder in, Instant now) {
		List<String> problems = new ArrayList<>();
		String number = trim(in.number());
		if (number == null) {
			problems.add("工单编号 (number) is missing");
		}
		else if (!NUMBER.matcher(number).matches()) {
			problems.add("工单编号 (number) '" + number + "' may hold only letters, digits, '-' and '_' (at most 40)");
		}
		Instant received = receivedAt(in.receivedAt(), now, problems);
		OrderType type = null;
		if (trim(in.type()) == null) {
			problems.add("诉求类型 (type) is missing: 咨询, 求助, 投诉, 建议 or 举报");
		}
		else if ((type = OrderType.parse(in.type())) == null) {
			problems.add("诉求类型 (type) '" + in.type().trim() + "' is not one of 咨询, 求助, 投诉, 建议, 举报");
		}
		boolean urgent = urgent(in.urgency(), problems);
		String content = trim(in.content());
		if (content == null) {
			problems.add("诉求内容 (content) is missing");
		}
		else if (content.length() > 4000) {
			problems.add("诉求内容 (content) is longer than 4,000 characters");
		}
		String name = limited(in.callerName(), 50, "来电人 (callerName)", problems);
		String phone = trim(in.callerPhone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.add("联系电话 (callerPhone) '" + phone + "' is not a phone number");
		}
		String address = limited(in.address(), 200, "诉求地址 (address)", problems);
		Boolean confidential = flag(in.confidential(), problems);
		Integer days = deadlineDays(in.deadlineClass(), problems);
		String category = limited(in.centreCategory(), 200, "热线分类 (centreCategory)", problems);
		if (!problems.isEmpty()) {
			return new Result(null, List.copyOf(problems));
		}
		return new Result(new ParsedOrder(number, received, name, (phone != null) ? phone.replace(" ", "") : null, type,
				urgent, address, content, confidential, days, category), List.of());
	}

	/** An instant as Shanghai local time, to the minute. */
	static String local(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI).format(instant);
	}

	/** Reads a local time in Shanghai or an instant with an offset. */
	static Instant parseTime(String text) {
		String t = text.trim();
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not with an offset; try the local forms
		}
		for (DateTimeFormatter format : LOCAL) {
			try {
				return LocalDateTime.parse(t, format).atZone(SHANGHAI).toInstant();
			}
			catch (DateTimeParseException ex) {
				// next form
			}
		}
		try {
			return LocalDate.parse(t.replace('/', '-')).atStartOfDay(SHANGHAI).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Instant receivedAt(String text, Instant now, List<String> problems) {
		if (trim(text) == null) {
			problems.add("受理时间 (receivedAt) is missing");
			return null;
		}
		Instant at = parseTime(text);
		if (at == null) {
			problems.add("受理时间 (receivedAt) '" + text.trim()
					+ "' is not a time; write 2026-11-20 09:30 (Shanghai time) or 2026-11-20T09:30:00+08:00");
		}
		else if (at.isAfter(now.plus(FUTURE_SLACK))) {
			problems.add("受理时间 (receivedAt) " + text.trim() + " is in the future");
		}
		else if (at.isBefore(now.minus(OLDEST))) {
			problems.add("受理时间 (receivedAt) " + text.trim() + " is more than a year ago");
		}
		return at;
	}

	private static boolean urgent(String text, List<String> problems) {
		String t = trim(text);
		if (t == null || t.equals("一般") || t.equals("普通") || t.equalsIgnoreCase("NORMAL")) {
			return false;
		}
		if (t.equals("紧急") || t.equals("急") || t.equalsIgnoreCase("URGENT")) {
			return true;
		}
		problems.add("紧急程度 (urgency) '" + t + "' is not 一般 or 紧急 (NORMAL or URGENT)");
		return false;
	}

	private static Boolean flag(String text, List<String> problems) {
		String t = (text != null) ? text.trim().toLowerCase(Locale.ROOT) : "";
		if (YES.contains(t)) {
			return true;
		}
		if (NO.contains(t)) {
			return false;
		}
		problems.add("是否保密 (confidential) '" + text.trim() + "' is not 是 or 否 (true or false)");
		return false;
	}

	private static Integer deadlineDays(String text, List<String> problems) {
		String t = trim(text);
		if (t == null) {
			return null;
		}
		Matcher m = DAYS.matcher(t);
		if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 60) {
			problems.add("办理时限 (deadlineClass) '" + t + "' is not a number of working days from 1 to 60, e.g. 5个工作日");
			return null;
		}
		return Integer.parseInt(m.group(1));
	}

	private static String limited(String text, int max, String what, List<String> problems) {
		String t = trim(text);
		if (t != null && t.length() > max) {
			problems.add(what + " is longer than " + max + " characters");
		}
		return t;
	}

	static String trim(String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		return t.isEmpty() ? null : t;
	}

}
