package io.vigia.persistence.series;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Label name → value → series ids, built in memory from {@code series.labels} so that
 * selecting series by matchers never touches the disk: equality is a map lookup, a regex is run
 * once per distinct value of its label, not once per series. Loaded when the store opens.
 */
final class PostingsIndex {
    private final Map<String, TreeMap<String, BitSet>> postings = new HashMap<>();
    private final Map<Integer, Labels> byId = new HashMap<>();
    private final Map<Labels, Integer> byLabels = new HashMap<>();
    private final BitSet all = new BitSet();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    void add(int id, Labels labels) {
        lock.writeLock().lock();
        try {
            byId.put(id, labels);
            byLabels.put(labels, id);
            all.set(id);
            for (int i = 0; i < labels.size(); i++) {
                postings.computeIfAbsent(labels.name(i), k -> new TreeMap<>())
                        .computeIfAbsent(labels.value(i), k -> new BitSet()).set(id);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(int id) {
        lock.writeLock().lock();
        try {
            Labels labels = byId.remove(id);
            if (labels == null) {
                return;
            }
            byLabels.remove(labels);
            all.clear(id);
            for (int i = 0; i < labels.size(); i++) {
                TreeMap<String, BitSet> values = postings.get(labels.name(i));
                BitSet ids = values.get(labels.value(i));
                ids.clear(id);
                if (ids.isEmpty()) {
                    values.remove(labels.value(i));
                }
                if (values.isEmpty()) {
                    postings.remove(labels.name(i));
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    Integer idOf(Labels labels) {
        lock.readLock().lock();
        try {
            return byLabels.get(labels);
        } finally {
            lock.readLock().unlock();
        }
    }

    Labels labelsOf(int id) {
        lock.readLock().lock();
        try {
            return byId.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Ids of the series that satisfy every matcher (Prometheus semantics: absent label = ""). */
    BitSet select(List<LabelMatcher> matchers) {
        lock.readLock().lock();
        try {
            BitSet result = (BitSet) all.clone();
            // matchers that cannot match "" narrow by postings; the others filter what is left
            for (LabelMatcher m : matchers) {
                if (!m.matchesEmpty()) {
                    result.and(matching(m));
                }
            }
            for (LabelMatcher m : matchers) {
                if (m.matchesEmpty()) {
                    // keep series lacking the label, and those whose value matches
                    BitSet withLabel = new BitSet();
                    BitSet withMatchingValue = new BitSet();
                    TreeMap<String, BitSet> values = postings.getOrDefault(m.name(), new TreeMap<>());
                    for (Map.Entry<String, BitSet> e : values.entrySet()) {
                        withLabel.or(e.getValue());
                        if (m.matches(e.getKey())) {
                            withMatchingValue.or(e.getValue());
                        }
                    }
                    BitSet keep = (BitSet) all.clone();
                    keep.andNot(withLabel);
                    keep.or(withMatchingValue);
                    result.and(keep);
                }
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    private BitSet matching(LabelMatcher m) {
        TreeMap<String, BitSet> values = postings.get(m.name());
        BitSet out = new BitSet();
        if (values == null) {
            return out;
        }
        if (m.type() == LabelMatcher.Type.EQUAL) {
            BitSet ids = values.get(m.value());
            if (ids != null) {
                out.or(ids);
            }
            return out;
        }
        for (Map.Entry<String, BitSet> e : values.entrySet()) {
            if (m.matches(e.getKey())) {
                out.or(e.getValue());
            }
        }
        return out;
    }

    List<Labels> labels(BitSet ids) {
        lock.readLock().lock();
        try {
            List<Labels> out = new ArrayList<>(ids.cardinality());
            ids.stream().forEach(id -> out.add(byId.get(id)));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    List<String> names(BitSet ids) {
        TreeSet<String> names = new TreeSet<>();
        for (Labels l : labels(ids)) {
            names.addAll(l.names());
        }
        return List.copyOf(names);
    }

    List<String> values(String name, BitSet ids) {
        TreeSet<String> values = new TreeSet<>();
        for (Labels l : labels(ids)) {
            if (l.has(name)) {
                values.add(l.get(name));
            }
        }
        return List.copyOf(values);
    }

    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
