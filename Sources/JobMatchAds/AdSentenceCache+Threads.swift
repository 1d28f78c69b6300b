#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// One sentence cache per thread and reader: `AdReader.read(_:defaultStrength:)` looks sentences
// up without a lock (each thread has its own caches, in thread-local storage) and without making
// callers (the importer's workers, the layout rebuild's queues) carry a cache.

extension AdSentenceCache {
    /// The calling thread's cache for `reader` (made on first use; a thread keeps the caches of
    /// its last `threadReaders` readers, a reader that is gone frees its cache); nil when the
    /// per-thread caches are turned off (`threadCapacity` 0).
    public static func current(for reader: AdReader) -> AdSentenceCache? {
        current(for: reader.identity)
    }

    /// The capacity of each per-thread cache: `defaultCapacity`, or the number in the environment
    /// variable `JOBMATCH_AD_SENTENCE_CACHE` (entries; 0 turns the per-thread caches off, for
    /// comparing the two paths end to end: the readings are the same).
    public static let threadCapacity: Int = {
        guard let v = getenv("JOBMATCH_AD_SENTENCE_CACHE"), let n = Int(String(cString: v)), n >= 0 else { return defaultCapacity }
        return min(n, 1 << 20)
    }()

    /// Readers a thread keeps a cache for.
    static let threadReaders = 2

    static func current(for identity: _ReaderIdentity) -> AdSentenceCache? {
        if threadCapacity == 0 { return nil }
        let caches: _ThreadCaches
        if let p = pthread_getspecific(_threadCacheKey) {
            caches = Unmanaged<_ThreadCaches>.fromOpaque(p).takeUnretainedValue()
        } else {
            caches = _ThreadCaches()
            pthread_setspecific(_threadCacheKey, Unmanaged.passRetained(caches).toOpaque())
        }
        return caches.cache(for: identity)
    }
}

/// Who an `AdReader` is, for the per-thread caches (copies of a reader share it).
final class _ReaderIdentity: Sendable {
    init() {}
}

/// A thread's caches, one per reader (most recent last).
final class _ThreadCaches {
    var entries: [(reader: _WeakIdentity, cache: AdSentenceCache)] = []

    func cache(for identity: _ReaderIdentity) -> AdSentenceCache {
        if let last = entries.last, last.reader.value === identity { return last.cache }
        entries.removeAll { $0.reader.value == nil }
        if let k = entries.firstIndex(where: { $0.reader.value === identity }) {
            let e = entries.remove(at: k)
            entries.append(e)
            return e.cache
        }
        if entries.count >= AdSentenceCache.threadReaders { entries.removeFirst() }
        let c = AdSentenceCache(capacity: AdSentenceCache.threadCapacity)
        entries.append((_WeakIdentity(identity), c))
        return c
    }
}

struct _WeakIdentity {
    weak var value: _ReaderIdentity?
    init(_ v: _ReaderIdentity) { value = v }
}

/// The key of the per-thread caches (released with the thread).
let _threadCacheKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { p in
        guard let p else { return }
        Unmanaged<_ThreadCaches>.fromOpaque(p).release()
    }
    return key
}()
