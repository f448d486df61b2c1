package org.cityops.hotline;

/**
 * An order as the hotline centre sends it, field by field as text, so that the API and a
 * spreadsheet row are checked by the same rules.
 *
 * @param number the centre's order number (unique; resending it updates the order)
 * @param receivedAt when the centre received the call: ISO-8601 with an offset, or a
 * local time in Shanghai such as {@code 2026-11-20 09:30}
 * @param type 咨询, 求助, 投诉, 建议, 举报 (or CONSULTATION, HELP, COMPLAINT, SUGGESTION, REPORT)
 * @param urgency 一般 or 紧急 (NORMAL or URGENT); empty is NORMAL
 * @param confidential 是/否, true/false, 1/0
 * @param deadlineClass the centre's time limit in working days ({@code 5},
 * {@code 5个工作日}); empty means the default for the type
 * @param centreCategory the centre's own classification, kept as given
 */
public record NewOrder(String number, String receivedAt, String callerName, String callerPhone, String type,
		String urgency, String address, String content, String confidential, String deadlineClass,
		String centreCategory) {

}
