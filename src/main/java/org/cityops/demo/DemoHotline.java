package org.cityops.demo;

import org.cityops.hotline.HotlineQueries;
import org.cityops.organization.Organization;
import org.cityops.hotline.HotlineDesk;
import org.cityops.hotline.NewOrder;
import org.cityops.hotline.OrderIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.cityops.cases.Actor;
import org.cityops.cases.CaseManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ten demo orders in every state a hotline desk sees, walked there through the real
 * workflow by the demo operator and the demo city-management handler: to confirm, one to
 * place on the map, being handled, concluded, closed, re-handled, returned. Only on an
 * empty order table, and only in demo mode.
 */
@Component
@ConditionalOnProperty(name = { "cityops.demo", "cityops.hotline.demo-orders" }, havingValue = "true",
		matchIfMissing = true)
class DemoHotline {

	private static final Logger log = LoggerFactory.getLogger(DemoHotline.class);

	private final OrderIntake intake;

	private final HotlineDesk desk;

	private final CaseManagement cases;

	private final HotlineQueries queries;

	private final Organization organization;

	private final Clock clock;

	DemoHotline(OrderIntake intake, HotlineDesk desk, HotlineQueries queries, CaseManagement cases,
			Organization organization, Clock clock) {
		this.intake = intake;
		this.desk = desk;
		this.cases = cases;
		this.queries = queries;
		this.organization = organization;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (this.queries.anyOrder() || this.organization.departments().isEmpty()) {
			return;
		}
		Actor operator = this.cases.demoAccount("operator");
		Actor handler = this.cases.demoAccount("handler");
		if (handler.scope() == null) {
			return;
		}
		String team = handler.scope().departmentCode();
		String day = "DEMO-" + OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.ofHours(8))
			.toLocalDate()
			.toString()
			.replace("-", "");
		receive(day + "-01", 1, "投诉", "莲花公寓", "小区门口垃圾堆放多日无人清运，气味很大", false, false);
		receive(day + "-02", 2, "求助", "桃浦路旁小河边", "河边护栏松动，担心小孩落水", true, false);
		long handling = receive(day + "-03", 3, "投诉", "莲花公寓", "小区内有人私搭乱建彩钢板棚", false, false);
		this.desk.confirm(handling, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		long contacted = receive(day + "-04", 5, "举报", "莲花公寓", "夜间有人占道堆放建筑垃圾", false, false);
		this.desk.confirm(contacted, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		this.desk.contact(contacted, "PHONE", "来电人补充：每晚十点后有货车倾倒", null, handler);
		long concluded = receive(day + "-05", 8, "投诉", "莲花公寓", "楼道口违章搭建影响消防通道", false, false);
		this.desk.confirm(concluded, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		this.desk.contact(concluded, "PHONE", "已与来电人约定现场查看", null, handler);
		this.desk.conclude(concluded, "已责令当事人拆除违章搭建，消防通道恢复畅通。", handler);
		long closed = receive(day + "-06", 12, "建议", "莲花公寓", "建议在小区门口增设非机动车停放点", false, false);
		this.desk.confirm(closed, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		this.desk.contact(closed, "SMS", "已短信告知受理情况", null, handler);
		this.desk.conclude(closed, "已会同物业在东门新划非机动车停放区 40 个车位。", handler);
		this.desk.callback(closed, new HotlineDesk.Callback("满意", "满意", "满意", true, null), operator);
		long rehandled = receive(day + "-07", 14, "投诉", "莲花公寓", "小区绿地被圈占种菜", false, false);
		this.desk.confirm(rehandled, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		this.desk.contact(rehandled, "PHONE", "来电人希望恢复绿化", null, handler);
		this.desk.conclude(rehandled, "已告知当事人限期恢复。", handler);
		this.desk.callback(rehandled, new HotlineDesk.Callback("基本满意", "满意", "不满意", false, "菜地仍在"), operator);
		long returning = receive(day + "-08", 4, "咨询", "莲花公寓", "咨询小区加装电梯的补贴政策", false, false);
		this.desk.confirm(returning, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		this.desk.requestReturn(returning, "职能交叉", "加装电梯政策由区房管局答复", handler);
		long returned = receive(day + "-09", 20, "投诉", "莲花公寓", "相邻街道的道路施工噪音", false, false);
		this.desk.confirm(returned, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		this.desk.requestReturn(returned, "属地不符", "施工地点在真如镇街道", handler);
		this.desk.decideReturn(returned, true, null, null, operator);
		long secret = receive(day + "-10", 1, "举报", "莲花公寓", "小区内群租，频繁有陌生人出入", true, true);
		this.desk.confirm(secret, new HotlineDesk.Confirmation("06001", null, null, team), operator);
		log.info("Demo hotline orders created (10, numbers {}-01 … -10)", day);
	}

	private long receive(String number, int hoursAgo, String type, String address, String content, boolean urgent,
			boolean confidential) {
		Instant received = this.clock.instant().minus(Duration.ofHours(hoursAgo));
		NewOrder order = new NewOrder(number,
				OffsetDateTime.ofInstant(received, ZoneOffset.ofHours(8)).withNano(0).toString(), "王先生",
				"1380013" + number.substring(number.length() - 2) + "00", type, urgent ? "紧急" : "一般", address, content,
				confidential ? "是" : "否", null, null);
		return this.intake.receive(order, "API", "hotline-12345").id();
	}

}
