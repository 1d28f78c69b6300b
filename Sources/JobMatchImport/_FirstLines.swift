/// The line where each key (a hash from `_DuplicateKeys`) was first seen in a file, for the
/// duplicate checks on the writer thread: open addressing on the key's own bits (they are hashes
/// already), so a look-up hashes nothing again.
struct _FirstLines {
    struct Entry {
        var key: Int
        var line: Int32
        var used: Bool
    }

    private var entries: [Entry]
    private var count = 0

    init() { entries = Array(repeating: Entry(key: 0, line: 0, used: false), count: 1024) }

    /// The line stored for `key`, or nil after storing `line` for it.
    mutating func firstOrInsert(_ key: Int, line: Int32) -> Int32? {
        let found: Int32? = entries.withUnsafeMutableBufferPointer { e in
            let mask = e.count - 1
            var s = key & mask
            while e[s].used {
                if e[s].key == key { return e[s].line }
                s = (s + 1) & mask
            }
            e[s] = Entry(key: key, line: line, used: true)
            return nil
        }
        if found == nil {
            count += 1
            if count * 2 > entries.count { grow() }
        }
        return found
    }

    /// Forgets every key (a new file starts).
    mutating func removeAll() {
        guard count > 0 else { return }
        entries.withUnsafeMutableBufferPointer { e in
            for i in e.indices { e[i].used = false }
        }
        count = 0
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: 0, line: 0, used: false), count: old.count * 2)
        entries.withUnsafeMutableBufferPointer { e in
            let mask = e.count - 1
            for x in old where x.used {
                var s = x.key & mask
                while e[s].used { s = (s + 1) & mask }
                e[s] = x
            }
        }
    }
}
