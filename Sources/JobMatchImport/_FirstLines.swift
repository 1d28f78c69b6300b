/// The line where each key (a hash from `_DuplicateKeys`) was first seen in a file, for the
/// duplicate checks on the writer thread: open addressing on the key's own bits (they are hashes
/// already), so a look-up hashes nothing again.
struct _FirstLines {
    private var keys: [Int]
    private var lines: [Int32]
    private var used: [Bool]
    private var count = 0

    init() {
        keys = Array(repeating: 0, count: 1024)
        lines = Array(repeating: 0, count: 1024)
        used = Array(repeating: false, count: 1024)
    }

    /// The line stored for `key`, or nil after storing `line` for it.
    mutating func firstOrInsert(_ key: Int, line: Int32) -> Int32? {
        let mask = keys.count - 1
        var s = key & mask
        while used[s] {
            if keys[s] == key { return lines[s] }
            s = (s + 1) & mask
        }
        keys[s] = key
        lines[s] = line
        used[s] = true
        count += 1
        if count * 2 > keys.count { grow() }
        return nil
    }

    /// Forgets every key (a new file starts).
    mutating func removeAll() {
        guard count > 0 else { return }
        for i in used.indices { used[i] = false }
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys, oldLines = lines, oldUsed = used
        let n = keys.count * 2
        keys = Array(repeating: 0, count: n)
        lines = Array(repeating: 0, count: n)
        used = Array(repeating: false, count: n)
        let mask = n - 1
        for i in oldUsed.indices where oldUsed[i] {
            var s = oldKeys[i] & mask
            while used[s] { s = (s + 1) & mask }
            keys[s] = oldKeys[i]
            lines[s] = oldLines[i]
            used[s] = true
        }
    }
}
