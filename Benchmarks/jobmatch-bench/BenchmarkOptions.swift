/// A benchmark command's options: `--name value` for the names in `values`, a bare `--name` for
/// those in `flags`; anything else is refused, as is a value missing at the end.
struct BenchmarkOptions {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []

    /// Parses `args`; `usage`, when given, is added to the message for an unknown option.
    init(_ args: [String], flags known: Set<String>, values named: Set<String> = [], usage: String? = nil) throws {
        var i = 0
        while i < args.count {
            let a = args[i]
            let name = String(a.dropFirst(2))
            if a.hasPrefix("--") && known.contains(name) {
                flags.insert(name)
                i += 1
                continue
            }
            guard a.hasPrefix("--"), named.contains(name) else {
                throw BenchmarkArgumentError(message: "unknown option \(a)" + (usage.map { " (\($0))" } ?? ""))
            }
            guard i + 1 < args.count else { throw BenchmarkArgumentError(message: "\(a) needs a value") }
            values[name] = args[i + 1]
            i += 2
        }
    }

    /// Whether the flag `--name` was given.
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// The value of `--name`, or nil.
    func string(_ name: String) -> String? { values[name] }

    /// The whole number given for `--name` (`_` allowed as a digit separator), or `fallback`.
    func int(_ name: String, _ fallback: Int) throws -> Int {
        guard let v = values[name] else { return fallback }
        guard let n = Int(v.replacingOccurrences(of: "_", with: "")), n >= 0 else {
            throw BenchmarkArgumentError(message: "--\(name) needs a whole number, got '\(v)'")
        }
        return n
    }
}

/// A bad benchmark argument.
struct BenchmarkArgumentError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
