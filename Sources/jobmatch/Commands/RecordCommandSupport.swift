import Foundation
import JobMatch

/// What `jobmatch profile` and `jobmatch offer` share: reading one record as JSON from a file or
/// stdin, validating it, and printing a stored record.
enum RecordCommandSupport {
    static let actions = ["add", "update", "show", "remove"]

    /// Reads and decodes one JSON record from `path` (`-` for stdin).
    static func read<T: Decodable & Validatable>(_ type: T.Type, from path: String, command: String) throws(CLIError) -> T {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else { throw .failure("\(path): cannot read") }
            data = d
        }
        let value: T
        do { value = try JSONDecoder().decode(T.self, from: data) } catch {
            throw .failure("\(path == "-" ? "stdin" : path): \(describe(error))")
        }
        let problems = value.validationErrors()
        if !problems.isEmpty {
            let name = path == "-" ? "stdin" : path
            throw .failure(problems.map { "\(name): \($0.field): \($0.message)" }.joined(separator: "\n"))
        }
        return value
    }

    /// A decoding error as `field: message`.
    static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." }).description
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let ctx)?: return "\(path(ctx.codingPath + [key])): missing required field"
        case .dataCorrupted(let ctx)?: return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        case .typeMismatch(_, let ctx)?: return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        case .valueNotFound(_, let ctx)?: return "\(path(ctx.codingPath)): missing value"
        default: return "\(error)"
        }
    }

    static func usage(_ args: ParsedArguments, command: String) throws(CLIError) -> (action: String, target: String) {
        guard actions.contains(args.positionals[0]) else {
            throw .usage("ACTION must be one of \(actions.joined(separator: ", ")), not '\(args.positionals[0])'", command: command)
        }
        guard args.positionals.count == 2 else { throw .usage("\(args.positionals[0]) needs one argument", command: command) }
        return (args.positionals[0], args.positionals[1])
    }
}
