package dev.billops.core.memory;

import dev.billops.core.id.PaymentId;
import dev.billops.core.payment.Payment;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Payments with a unique index on the idempotency key. */
final class PaymentTable extends Table<PaymentId, Payment> {

    private final Map<String, PaymentId> byKey = new HashMap<>();

    PaymentTable(UndoLog undo) {
        super(Payment::id, undo);
    }

    @Nullable PaymentId idOfKey(String idempotencyKey) {
        return byKey.get(idempotencyKey);
    }

    @Override
    void indexed(Payment row) {
        if (row.idempotencyKey() != null) {
            byKey.put(row.idempotencyKey(), row.id());
        }
    }

    @Override
    void unindexed(Payment row) {
        if (row.idempotencyKey() != null) {
            byKey.remove(row.idempotencyKey(), row.id());
        }
    }
}
