package org.bawaba.participation.complaint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.participation.ComplaintKind;
import org.bawaba.contracts.participation.ComplaintStatus;
import org.jspecify.annotations.Nullable;

/** A complaint or suggestion, as its citizen and its agency's staff see it. */
record Complaint(UUID id, String trackingNumber, ComplaintKind kind, String agency, @Nullable String serviceCode,
		String citizen, String subject, String description, @Nullable Double latitude, @Nullable Double longitude,
		@Nullable String address, String channel, ComplaintStatus status, @Nullable String assignee, boolean reopened,
		Instant filedAt, Instant updatedAt, Instant firstReplyDueAt, Instant resolutionDueAt,
		@Nullable Instant firstRepliedAt, @Nullable Instant resolvedAt, boolean slaBreached, boolean replyBreached,
		boolean resolutionBreached, @Nullable List<Step> history, @Nullable List<Attachment> attachments) {

	/** One step: a status change, a reply, an SLA breach; {@code note} is what the citizen reads. */
	record Step(ComplaintStatus status, String action, @Nullable String note, Instant at, boolean byCitizen) {
	}

	record Attachment(UUID id, String filename, String contentType, long size, String sha256, Instant uploadedAt) {
	}

	boolean open() {
		return status != ComplaintStatus.RESOLVED && status != ComplaintStatus.CLOSED;
	}

	/** A copy with the changing fields replaced. */
	Complaint with(ComplaintStatus status, @Nullable String assignee, boolean reopened, Instant updatedAt,
			Instant resolutionDueAt, @Nullable Instant firstRepliedAt, @Nullable Instant resolvedAt, boolean replyBreached,
			boolean resolutionBreached) {
		return new Complaint(id, trackingNumber, kind, agency, serviceCode, citizen, subject, description, latitude,
				longitude, address, channel, status, assignee, reopened, filedAt, updatedAt, firstReplyDueAt,
				resolutionDueAt, firstRepliedAt, resolvedAt, slaBreached || replyBreached || resolutionBreached, replyBreached,
				resolutionBreached, null, null);
	}

	Complaint withDetails(List<Step> history, List<Attachment> attachments) {
		return new Complaint(id, trackingNumber, kind, agency, serviceCode, citizen, subject, description, latitude,
				longitude, address, channel, status, assignee, reopened, filedAt, updatedAt, firstReplyDueAt,
				resolutionDueAt, firstRepliedAt, resolvedAt, slaBreached, replyBreached, resolutionBreached, history,
				attachments);
	}

}
