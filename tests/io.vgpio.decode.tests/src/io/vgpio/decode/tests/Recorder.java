package io.vgpio.decode.tests;

import io.vgpio.decode.Annotation;
import io.vgpio.decode.DecodeListener;
import io.vgpio.decode.Transaction;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a decoder reports, in order. */
final class Recorder implements DecodeListener {
    final List<Annotation> annotations = new ArrayList<>();
    final List<Transaction> transactions = new ArrayList<>();

    @Override
    public void annotation(Annotation a) {
        annotations.add(a);
    }

    @Override
    public void transaction(Transaction t) {
        transactions.add(t);
    }

    /** "kind value" per annotation, e.g. "address-write 48", "start". */
    List<String> kinds() {
        return annotations.stream().map(Annotation::text).toList();
    }

    List<String> summaries() {
        return transactions.stream().map(Transaction::summary).toList();
    }
}
