package org.bawaba.notifications.inbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.notifications.person.PersonStore;
import org.bawaba.notifications.person.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams of signed-in readers on this instance: a notice is pushed to its
 * reader's streams, a broadcast to the streams of its audience, when {@link LiveSignals} says it was
 * committed (by this instance or another); a comment every {@code notifications.stream.heartbeat} keeps
 * proxies from closing idle streams.
 * <p>
 * When the service stops, its open streams are ended first: the web server's graceful shutdown
 * waits for every request in progress, and a live stream never ends by itself, so each one held
 * the instance for the whole shutdown phase (30 s). Browsers' {@code EventSource} reconnects on its
 * own, to an instance that is up.
 */
@Component
public class LiveStream implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

	private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

	private final NotificationsProperties.Stream properties;

	private final InboxStore inbox;

	private final PersonStore people;

	private final Preferences preferences;

	private volatile boolean running;

	LiveStream(NotificationsProperties properties, @Lazy InboxStore inbox, PersonStore people, Preferences preferences) {
		this.properties = properties.stream();
		this.inbox = inbox;
		this.people = people;
		this.preferences = preferences;
	}

	private record Listener(SseEmitter emitter, InboxStore.Reader reader) {
	}

	/** A new stream for {@code reader}; it starts with an {@code unread} event (the count). */
	public SseEmitter open(InboxStore.Reader reader) {
		SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
		Listener listener = new Listener(emitter, reader);
		listeners.computeIfAbsent(reader.sub(), sub -> new CopyOnWriteArrayList<>()).add(listener);
		Runnable remove = () -> remove(listener);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		send(listener, SseEmitter.event().name("unread").data(Map.of("unread", inbox.unread(reader)),
				MediaType.APPLICATION_JSON));
		return emitter;
	}

	/**
	 * Pushes new or changed notices of {@code sub} to their reader's open streams on this instance, each
	 * read as that stream reads (its language), in the order given; nothing when none is open here.
	 */
	void push(String sub, List<UUID> ids) {
		List<Listener> open = listeners.get(sub);
		if (open == null || open.isEmpty()) {
			return;
		}
		for (Listener listener : open) {
			for (NoticeView notice : inbox.find(listener.reader(), ids)) {
				send(listener, SseEmitter.event().name("notice").id(notice.id().toString()).data(notice,
						MediaType.APPLICATION_JSON));
			}
		}
	}

	/** Pushes a broadcast to every open stream of its audience that wants the category in the inbox. */
	void broadcast(UUID id, String audienceRole, String category) {
		listeners.values().forEach(open -> open.forEach(listener -> {
			InboxStore.Reader reader = listener.reader();
			if (reader.roles().contains(audienceRole)
					&& preferences.showsInInbox(people.find(reader.sub()), category)) {
				inbox.find(reader, id).ifPresent(notice -> send(listener, SseEmitter.event()
					.name("notice").id(id.toString()).data(notice, MediaType.APPLICATION_JSON)));
			}
		}));
	}

	/** A comment on every open stream. */
	public void heartbeat() {
		listeners.values().forEach(open -> open.forEach(listener -> send(listener, SseEmitter.event().comment("keep-alive"))));
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every open stream; runs before the web server's graceful shutdown (a higher phase). */
	@Override
	public void stop() {
		this.running = false;
		int ended = 0;
		for (List<Listener> open : listeners.values()) {
			for (Listener listener : open) {
				listener.emitter().complete();
				ended++;
			}
		}
		listeners.clear();
		if (ended > 0) {
			log.info("Live streams: {} ended for shutdown", ended);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/** Open streams on this instance. */
	public int size() {
		return listeners.values().stream().mapToInt(List::size).sum();
	}

	private void send(Listener listener, SseEmitter.SseEventBuilder event) {
		try {
			listener.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Stream of {} closed: {}", listener.reader().sub(), ex.getMessage());
			remove(listener);
			listener.emitter().completeWithError(ex);
		}
	}

	private void remove(Listener listener) {
		List<Listener> open = listeners.get(listener.reader().sub());
		if (open != null) {
			open.remove(listener);
			if (open.isEmpty()) {
				listeners.remove(listener.reader().sub(), open);
			}
		}
	}

}
