/// A `jobmatch` command: a spec that drives parsing and help, and a run function.
protocol Command {
    /// The command's description.
    static var spec: CommandSpec { get }
    /// Runs the command and returns its exit code; throws `CLIError` for a reported failure.
    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32
}
