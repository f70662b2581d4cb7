package org.bawaba.portal.participation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comment on a consultation with the replies under it, as a page shows the discussion: the service lists
 * comments and replies oldest first, each reply naming its parent; a reply to a reply is shown under the
 * comment that started the thread, in order.
 *
 * @param comment the comment that starts the thread
 * @param replies its replies and their replies, oldest first
 */
record CommentThread(Map<String, Object> comment, List<Map<String, Object>> replies) {

	/** The comment and then its replies, as a moderator goes through them. */
	public List<Map<String, Object>> all() {
		List<Map<String, Object>> all = new ArrayList<>(replies.size() + 1);
		all.add(comment);
		all.addAll(replies);
		return all;
	}

	static List<CommentThread> of(List<Map<String, Object>> comments) {
		Map<Object, Object> rootOf = new HashMap<>();
		Map<Object, CommentThread> threads = new LinkedHashMap<>();
		for (Map<String, Object> comment : comments) {
			Object id = comment.get("id");
			Object root = comment.get("parentId") == null ? null : rootOf.get(comment.get("parentId"));
			if (root == null || !threads.containsKey(root)) {
				rootOf.put(id, id);
				threads.put(id, new CommentThread(comment, new ArrayList<>()));
			}
			else {
				rootOf.put(id, root);
				threads.get(root).replies().add(comment);
			}
		}
		return List.copyOf(threads.values());
	}

}
