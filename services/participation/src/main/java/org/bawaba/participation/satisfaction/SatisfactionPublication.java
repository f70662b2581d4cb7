package org.bawaba.participation.satisfaction;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the 1st of each month, last month's satisfaction indicators, published by one instance: a second
 * publication would upsert the same rows but send every event again, so the job holds a lock for longer than
 * the instances' clocks can disagree.
 */
@Component
class SatisfactionPublication {

	private final SatisfactionService service;

	SatisfactionPublication(SatisfactionService service) {
		this.service = service;
	}

	@Scheduled(cron = "${participation.satisfaction.publish-cron:0 0 2 1 * *}", zone = "${participation.zone}")
	@SchedulerLock(name = "participation.satisfaction-publication", lockAtMostFor = "PT1H", lockAtLeastFor = "PT30M")
	public void publishLastMonth() {
		service.publish(service.lastMonth());
	}

}
