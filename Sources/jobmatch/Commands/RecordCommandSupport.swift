import Foundation
import JobMatch

/// What `jobmatch profile` and `jobmatch offer` share: reading one record as JSON from a file or
/// stdin, validating it, and printing a stored record.
enum RecordCommandSupport {
    static let actions = ["add", "update", "show", "remove"]

    /// Reads and decodes one JSON record from `path` (`-` for stdin).
    /// - Throws: `CLIError.failure`, one line naming the file (or stdin), the line and the field.
    static func read<T: Decodable & Validatable>(_ type: T.Type, from path: String, command: String) throws(CLIError) -> T {
        let name = path == "-" ? "stdin" : path
        let data: Data
        if path == "-" {
            data = try StandardStreams.readStdin()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .failure("\(path): no such file")
            }
            if isDirectory.boolValue { throw .failure("\(path): is a folder, not a JSON file") }
            guard let d = FileManager.default.contents(atPath: path) else { throw .failure("\(path): cannot be read (permission denied?)") }
            data = d
        }
        let what = command == "offer" ? "an offer" : "a profile"
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .failure("\(name): is empty (expected \(what) as a JSON object)")
        }
        do { return try JSONRecords.decodeOne(T.self, from: data) } catch {
            let place = error.line > 1 ? "\(name):\(error.line)" : name
            throw .failure("\(place): \(error.message)")
        }
    }

    static func usage(_ args: ParsedArguments, command: String) throws(CLIError) -> (action: String, target: String) {
        guard actions.contains(args.positionals[0]) else {
            throw .usage("ACTION must be one of \(actions.joined(separator: ", ")), not \(MessageValue.quoted(args.positionals[0]))", command: command)
        }
        guard args.positionals.count == 2 else { throw .usage("\(args.positionals[0]) needs one argument", command: command) }
        return (args.positionals[0], args.positionals[1])
    }
}
