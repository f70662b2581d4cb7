package org.bawaba.portal.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommentThreadTest {

	@Test
	void repliesAndRepliesToRepliesGoUnderTheCommentThatStartedTheThreadInOrder() {
		List<Map<String, Object>> comments = List.of(comment("a", null), comment("b", null), comment("a1", "a"),
				comment("b1", "b"), comment("a1x", "a1"), comment("orphan", "gone"));

		List<CommentThread> threads = CommentThread.of(comments);

		assertThat(threads).extracting(t -> t.comment().get("id")).containsExactly("a", "b", "orphan");
		assertThat(threads.get(0).replies()).extracting(r -> r.get("id")).containsExactly("a1", "a1x");
		assertThat(threads.get(1).replies()).extracting(r -> r.get("id")).containsExactly("b1");
		assertThat(threads.get(0).all()).extracting(r -> r.get("id")).containsExactly("a", "a1", "a1x");
		assertThat(threads.get(2).replies()).isEmpty();
	}

	private static Map<String, Object> comment(String id, String parent) {
		Map<String, Object> comment = new HashMap<>();
		comment.put("id", id);
		comment.put("parentId", parent);
		return comment;
	}

}
