/// Every command of `jobmatch`, in the order `jobmatch --help` lists them.
/// To add a command: write a type conforming to `Command` in `Commands/` and add it here.
var allCommands: [any Command.Type] { [
    MatchCommand.self,
    CandidatesCommand.self,
    AssignCommand.self,
    ExplainCommand.self,
    ProfilesCommand.self,
    OffersCommand.self,
    TaxonomyCommand.self,
    TokenizeCommand.self,
    StemCommand.self,
    InitCommand.self,
    ImportCommand.self,
    ProfileCommand.self,
    OfferCommand.self,
    LogCommand.self,
    RetentionCommand.self,
    RoleCommand.self,
    PlacementCommand.self,
    ReportCommand.self,
] }
