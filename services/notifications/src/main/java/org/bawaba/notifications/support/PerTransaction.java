package org.bawaba.notifications.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows gathered during a transaction and written together just before it commits (one multi-row statement
 * for a whole poll of events instead of one per event); at once when there is no transaction.
 * {@link #flush()} writes them earlier, for a read that must see them.
 */
public final class PerTransaction<T> {

	private final Consumer<List<T>> writer;

	public PerTransaction(Consumer<List<T>> writer) {
		this.writer = writer;
	}

	public void add(T row) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			writer.accept(List.of(row));
			return;
		}
		@SuppressWarnings("unchecked")
		List<T> pending = (List<T>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					// not flush(): TransactionSynchronization has its own
					PerTransaction.this.flush();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PerTransaction.this);
				}

			});
		}
		pending.add(row);
	}

	/** Writes what this transaction gathered so far. */
	public void flush() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		@SuppressWarnings("unchecked")
		List<T> pending = (List<T>) TransactionSynchronizationManager.getResource(this);
		if (pending != null && !pending.isEmpty()) {
			List<T> rows = List.copyOf(pending);
			pending.clear();
			writer.accept(rows);
		}
	}

}
