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
                throw .failure(msg(.fileMissing, ["path": .text(path)]))
            }
            if isDirectory.boolValue { throw .failure(msg(.fileIsFolder, ["path": .text(path)])) }
            guard let d = FileManager.default.contents(atPath: path) else { throw .failure(msg(.fileUnreadable, ["path": .text(path)])) }
            data = d
        }
        let what = msg(command == "offer" ? .anOffer : .aProfile)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .failure(msg(.fileEmpty, ["name": .text(name), "what": .text(what)]))
        }
        do { return try JSONRecords.decodeOne(T.self, from: data) } catch {
            let place = error.line > 1 ? "\(name):\(error.line)" : name
            throw .failure("\(place): \(error.message)")
        }
    }

    static func usage(_ args: ParsedArguments, command: String) throws(CLIError) -> (action: String, target: String) {
        guard actions.contains(args.positionals[0]) else {
            throw .usage(msg(.actionMustBe, ["actions": .text(actions.joined(separator: ", ")), "value": .text(MessageValue.quoted(args.positionals[0]))]), command: command)
        }
        guard args.positionals.count == 2 else { throw .usage(msg(.actionNeedsArgument, ["action": .text(args.positionals[0])]), command: command) }
        return (args.positionals[0], args.positionals[1])
    }
}
